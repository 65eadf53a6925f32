import Foundation

extension UUID {
    /// The lowercase canonical text (`0190c5a2-0000-7000-8000-000000000017`) as UTF-8 bytes,
    /// written without Foundation's formatting (ids are formatted on every hot path).
    var canonicalBytes: [UInt8] { withCanonicalBytes { [UInt8]($0) } }

    /// Calls `body` with ``canonicalBytes``, written on the stack: byte by byte into an
    /// array, each append checked the array's capacity again (every chain hash writes a
    /// record's UUID).
    func withCanonicalBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        var text: (UInt64, UInt64, UInt64, UInt64, UInt32) = (0, 0, 0, 0, 0)  // 36 bytes
        return withUnsafeMutableBytes(of: &text) { canonical in
            withUnsafeBytes(of: uuid) { raw in
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        canonical[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    canonical[position] = UUID.hexDigit(raw[index] >> 4)
                    canonical[position + 1] = UUID.hexDigit(raw[index] & 0x0F)
                    position += 2
                }
            }
            return body(UnsafeRawBufferPointer(canonical))
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }

    /// The lowercase canonical text.
    var canonicalString: String { String(decoding: canonicalBytes, as: UTF8.self) }
}
