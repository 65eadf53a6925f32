import FaguModel

/// One field of a write in the ledger: the value the schedule wrote, the dot the write path
/// gave it, and the values the writer had seen of that field (by dot) when it wrote.
public struct LedgerField: Sendable, Hashable {
    /// The field's name.
    public var name: String
    /// The value written, normalized to the field's type (a whole number in a real field is
    /// stored as a real).
    public var value: FieldValue
    /// The change's dot.
    public var dot: Dot
    /// The dots the writer's context names: what this write replaces when it arrives.
    public var context: [Dot]
}
