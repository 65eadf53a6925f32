import Foundation

extension UUID {
    /// The lowercase canonical text (`0190c5a2-0000-7000-8000-000000000017`) as UTF-8 bytes,
    /// written without Foundation's formatting (ids are formatted on every hot path).
    var canonicalBytes: [UInt8] {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(36)
        withUnsafeBytes(of: uuid) { raw in
            for (index, byte) in raw.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { out.append(UInt8(ascii: "-")) }
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0F)])
            }
        }
        return out
    }

    /// The lowercase canonical text.
    var canonicalString: String { String(decoding: canonicalBytes, as: UTF8.self) }
}
