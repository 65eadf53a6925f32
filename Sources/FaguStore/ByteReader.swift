import FaguModel

/// Reads what ``ByteWriter`` wrote; every read returns nil on short or malformed input.
struct ByteReader {
    private let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    /// The next varint; nil when the bytes end inside it or it holds more than 64 bits.
    mutating func readVarint() -> UInt64? {
        do {
            return try Varint.read(bytes, at: &offset)
        } catch {
            return nil
        }
    }

    mutating func readInt() -> Int? {
        guard let value = readVarint(), value <= UInt64(Int.max) else { return nil }
        return Int(value)
    }

    mutating func readSigned() -> Int64? {
        readVarint().map(Varint.unzigzag)
    }

    mutating func readByte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readFixed64() -> UInt64? {
        guard bytes.count - offset >= 8 else { return nil }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
        offset += 8
        return value
    }

    mutating func readBytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func readString() -> String? {
        guard let count = readInt(), bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }
}
