import FaguModel

/// A cursor over one column of a 3.x body: each read moves it on, and throws `malformed`
/// instead of reading past the column's end, so a lying file is refused rather than trapping.
struct ColumnReader {
    /// The column's name in `fagu.proto`, for error messages.
    let name: String
    private let bytes: [UInt8]
    private var offset = 0

    /// A cursor at the start of `bytes`.
    init(_ name: String, _ bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// Bytes not read yet.
    var remaining: Int { bytes.count - offset }

    /// Whether every byte has been read.
    var isAtEnd: Bool { offset == bytes.count }

    /// The next varint (protocol buffers' base-128, at most 10 bytes, at most 64 bits).
    mutating func readVarint() throws(WireError) -> UInt64 {
        guard offset < bytes.count else {
            throw WireError(.malformed, "the column \(name) holds fewer entries than the groups need")
        }
        do {
            return try Varint.read(bytes, at: &offset)
        } catch {
            switch error.reason {
            case .overlong: throw WireError(.malformed, "the column \(name) holds a number over 64 bits")
            case .truncated: throw WireError(.malformed, "the column \(name) ends inside a number")
            }
        }
    }

    /// The next zigzag-encoded varint.
    mutating func readZigzag() throws(WireError) -> Int64 {
        Varint.unzigzag(try readVarint())
    }

    /// The next varint as an index below `count`.
    mutating func readIndex(below count: Int, of what: String) throws(WireError) -> Int {
        let raw = try readVarint()
        guard raw < UInt64(count) else {
            throw WireError(.malformed, "the column \(name) names \(what) \(raw), which the file does not list")
        }
        return Int(raw)
    }

    /// The next byte.
    mutating func readByte() throws(WireError) -> UInt8 {
        guard offset < bytes.count else { throw WireError(.malformed, "the column \(name) holds fewer entries than the groups need") }
        offset += 1
        return bytes[offset - 1]
    }

    /// The next `count` bytes.
    mutating func read(_ count: Int) throws(WireError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= remaining else {
            throw WireError(.malformed, "the column \(name) holds fewer entries than the groups need")
        }
        offset += count
        return bytes[(offset - count)..<offset]
    }

    /// The next 8 bytes as a little-endian number.
    mutating func readLittleEndian64() throws(WireError) -> UInt64 {
        let slice = try read(8)
        var value: UInt64 = 0
        for byte in slice.reversed() { value = value << 8 | UInt64(byte) }
        return value
    }

    /// Refuses the file unless every byte of the column was read.
    func expectEnd() throws(WireError) {
        guard isAtEnd else {
            throw WireError(.malformed, "the column \(name) holds \(remaining) more bytes than its groups use")
        }
    }
}
