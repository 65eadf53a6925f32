/// Protocol buffers' base-128 varints (least significant group first) and zigzag encoding,
/// as the wire format's columns and the replica's stored encodings (change bodies, row
/// clocks, log runs) both write them: one reading of them for both.
public enum Varint {
    /// The varint that starts at `offset` in `bytes`; `offset` moves past it.
    ///
    /// - Throws: ``VarintError`` when the bytes end inside the number, or it holds more than
    ///   64 bits (a tenth byte may carry the 64th bit alone); `offset` is then left unchanged.
    @inlinable
    public static func read(_ bytes: [UInt8], at offset: inout Int) throws(VarintError) -> UInt64 {
        var position = offset
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            guard shift < 63 || byte <= 1 else { throw VarintError(reason: .overlong) }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 {
                offset = position
                return value
            }
            shift += 7
        }
        throw VarintError(reason: .truncated)
    }

    /// `value` zigzag-encoded (protocol buffers' `sint64`): small magnitudes of either sign
    /// become small numbers.
    @inlinable
    public static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    /// The signed number `raw` zigzag-encodes.
    @inlinable
    public static func unzigzag(_ raw: UInt64) -> Int64 {
        Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }
}
