/// A whole body in memory, read from the front.
final class BodyBuffer: BodyInput {
    private let bytes: [UInt8]
    private var position = 0

    /// A reader of `bytes` from their first.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    func take(_ count: Int) throws(WireError) -> [UInt8] {
        guard count <= bytes.count - position else {
            throw WireError(.malformed, "the body ends inside a chunk")
        }
        position += count
        return Array(bytes[position - count..<position])
    }

    func takeByte() throws(WireError) -> UInt8 {
        guard position < bytes.count else { throw WireError(.malformed, "the body ends inside a chunk's counts") }
        position += 1
        return bytes[position - 1]
    }
}
