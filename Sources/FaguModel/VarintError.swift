/// Why ``Varint/read(_:at:)`` could not read a number.
public struct VarintError: Error, Sendable, Equatable {
    /// What was wrong with the bytes.
    public enum Reason: Sendable, Equatable {
        /// The bytes end inside the number.
        case truncated
        /// The number holds more than 64 bits.
        case overlong
    }

    /// What was wrong with the bytes.
    public let reason: Reason

    /// An error for `reason`.
    @inlinable
    public init(reason: Reason) { self.reason = reason }
}
