extension Array where Element == UInt8 {
    /// Appends `value` as a protocol-buffers varint (base 128, least significant group first),
    /// which ``Varint/read(_:at:)`` reads back.
    @inlinable
    public mutating func appendVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        append(UInt8(value))
    }

    /// Appends `value` zigzag-encoded (as protocol buffers' `sint64`), then as a varint.
    @inlinable
    public mutating func appendZigzag(_ value: Int64) {
        appendVarint(Varint.zigzag(value))
    }

    /// Appends `value`'s 8 bytes, least significant first.
    @inlinable
    public mutating func appendLittleEndian(_ value: UInt64) {
        var value = value
        for _ in 0..<8 {
            append(UInt8(truncatingIfNeeded: value))
            value >>= 8
        }
    }
}
