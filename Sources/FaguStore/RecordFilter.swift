import FaguModel

/// Which records a bulk read returns, decided in SQL so only matching rows are decoded:
/// fields that display a value, and text fields that start with a prefix.
public struct RecordFilter: Hashable, Sendable {
    /// Fields and the value each must display.
    public var equal: [String: FieldValue]
    /// Text fields and the prefix each must start with (`date` of a month: `2026-11`).
    public var prefix: [String: String]

    /// A filter from its parts (no condition: every record).
    public init(equal: [String: FieldValue] = [:], prefix: [String: String] = [:]) {
        self.equal = equal
        self.prefix = prefix
    }
}
