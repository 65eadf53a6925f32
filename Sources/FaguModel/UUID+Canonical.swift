import Foundation

extension UUID {
    /// The lowercase canonical text (`0190c5a2-0000-7000-8000-000000000017`) as UTF-8 bytes,
    /// written without Foundation's formatting (ids are formatted on every hot path).
    var canonicalBytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(36)
        appendCanonical(to: &out)
        return out
    }

    /// Appends ``canonicalBytes`` to `out`.
    func appendCanonical(to out: inout [UInt8]) {
        withUnsafeBytes(of: uuid) { raw in
            for (index, byte) in raw.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { out.append(UInt8(ascii: "-")) }
                out.append(UUID.hexDigit(byte >> 4))
                out.append(UUID.hexDigit(byte & 0x0F))
            }
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }

    /// The lowercase canonical text.
    var canonicalString: String { String(decoding: canonicalBytes, as: UTF8.self) }
}
