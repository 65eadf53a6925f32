/// Where a 4.x body's chunks are read from, in order: the whole body in memory
/// (``BodyBuffer``), or a body inflated as it is read (``InflatingReader``).
protocol BodyInput: AnyObject {
    /// The next `count` bytes; `malformed` when the body ends first.
    func take(_ count: Int) throws(WireError) -> [UInt8]
    /// The next byte; `malformed` when the body ends first.
    func takeByte() throws(WireError) -> UInt8
}
