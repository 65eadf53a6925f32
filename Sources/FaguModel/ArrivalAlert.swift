/// A kind whose new records every replica notes the moment they first arrive (an urgent
/// report, say), with the fields that say how urgent and what about.
public struct ArrivalAlert: Hashable, Sendable {
    /// The kind noted.
    public var kind: RecordKind
    /// The field holding its level, if any.
    public var levelField: String?
    /// The field holding its summary, if any.
    public var summaryField: String?

    /// An alert from its parts.
    public init(kind: RecordKind, levelField: String? = nil, summaryField: String? = nil) {
        self.kind = kind
        self.levelField = levelField
        self.summaryField = summaryField
    }
}
