import FaguModel

/// What applying one change did to a field's register.
public enum MergeOutcome: Hashable, Sendable {
    /// The change had seen every current value (`count` of them, 0 for a new field) and
    /// now stands alone.
    case replaced(count: Int)
    /// The change is concurrent with these entries, which stay beside it: an open conflict.
    case concurrent(with: [Dot])
    /// The change was already in the register; nothing changed.
    case duplicate

    /// Whether the field is in conflict after the change.
    public var opensConflict: Bool {
        if case .concurrent = self { return true }
        return false
    }
}
