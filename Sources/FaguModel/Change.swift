/// One write to one field of one record: the unit the merge reasons about.
public struct Change: Hashable, Sendable, CustomStringConvertible {
    /// Which replica made it, and its counter there (per scope).
    public var dot: Dot
    /// The scope of the record.
    public var scope: ScopeID
    /// The kind of the record (which table it lives in).
    public var kind: RecordKind
    /// The record written.
    public var record: RecordID
    /// The field written.
    public var field: String
    /// The new value.
    public var value: FieldValue
    /// The dots this write supersedes: the field's values the writer had seen.
    public var context: [Dot]
    /// When it was written, by the writer's clock.
    public var time: Timestamp
    /// Who wrote it: an adviser id, `office:c01`, or `hub`.
    public var author: String

    /// A change from its parts.
    public init(dot: Dot, scope: ScopeID, kind: RecordKind, record: RecordID, field: String,
                value: FieldValue, context: [Dot], time: Timestamp, author: String) {
        self.dot = dot
        self.scope = scope
        self.kind = kind
        self.record = record
        self.field = field
        self.value = value
        self.context = context.sorted()
        self.time = time
        self.author = author
    }

    /// `dot scope/kind/record.field` — no values, which may be personal data.
    public var description: String { "\(dot) \(scope)/\(kind.rawValue)/\(record).\(field)" }
}
