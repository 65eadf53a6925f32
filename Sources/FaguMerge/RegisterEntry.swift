import FaguModel

/// One current value of a field: the value a change wrote, with its dot and time.
public struct RegisterEntry: Hashable, Sendable {
    /// The change that wrote it.
    public var dot: Dot
    /// The value written.
    public var value: FieldValue
    /// When it was written (used only to choose the displayed value of a conflict).
    public var time: Timestamp

    /// An entry from its parts.
    public init(dot: Dot, value: FieldValue, time: Timestamp) {
        self.dot = dot
        self.value = value
        self.time = time
    }

    /// Whether this entry is displayed ahead of `other` in a conflict: the later write,
    /// ties broken by dot, so every replica picks the same one.
    public func displaysAhead(of other: RegisterEntry) -> Bool {
        time == other.time ? other.dot < dot : other.time < time
    }
}
