import FaguModel

/// One field change in a record's history: which write made it, who, when, the value, and
/// the values it replaced (by dot).
public struct RecordChange: Hashable, Sendable {
    /// The change's dot: the replica that wrote it, and its counter there.
    public var dot: Dot
    /// The field written.
    public var field: String
    /// The value written (nil when the hub set the write aside: it changed nothing).
    public var value: FieldValue?
    /// The dots of the values it replaced.
    public var supersedes: [Dot]
    /// When it was written, by the writer's clock.
    public var writtenAt: Timestamp
    /// The time it is ordered by in a conflict (the hub's, when the writer's clock was ahead).
    public var orderedAt: Timestamp
    /// Who wrote it: an adviser's code, `office:c01`, `hub`.
    public var author: String
    /// The code it was set aside with, if the hub set it aside.
    public var setAside: String?

    /// A change from its parts.
    public init(dot: Dot, field: String, value: FieldValue?, supersedes: [Dot], writtenAt: Timestamp, orderedAt: Timestamp,
                author: String, setAside: String? = nil) {
        self.dot = dot
        self.field = field
        self.value = value
        self.supersedes = supersedes
        self.writtenAt = writtenAt
        self.orderedAt = orderedAt
        self.author = author
        self.setAside = setAside
    }
}
