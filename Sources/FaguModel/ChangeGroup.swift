/// The changes one write made to one record, with consecutive dots of one origin.
///
/// A group is stored, sent and applied as a whole: its field changes carry the dots
/// `origin:firstCounter`, `origin:firstCounter+1`, … in order. Grouping is an encoding;
/// the merge still decides field by field.
public struct ChangeGroup: Hashable, Sendable, CustomStringConvertible {
    /// The replica that wrote it.
    public var origin: ReplicaID { didSet { computedHash = HashMemo() } }
    /// The scope of the record.
    public var scope: ScopeID { didSet { computedHash = HashMemo() } }
    /// The kind of the record.
    public var kind: RecordKind { didSet { computedHash = HashMemo() } }
    /// The record written.
    public var record: RecordID { didSet { computedHash = HashMemo() } }
    /// The counter of the first field change's dot.
    public var firstCounter: UInt64 { didSet { computedHash = HashMemo() } }
    /// When it was written, by the writer's clock.
    public var time: Timestamp { didSet { computedHash = HashMemo() } }
    /// Who wrote it.
    public var author: String { didSet { computedHash = HashMemo() } }
    /// The field changes, in dot order. In a set-aside group they carry no values.
    public var fields: [FieldChange] { didSet { computedHash = HashMemo() } }
    /// The chain hash of the previous group of the same origin and scope (32 zero bytes for
    /// the first), so an origin's log is a hash chain; nil where not known yet.
    public var previousHash: [UInt8]? { didSet { computedHash = HashMemo() } }
    /// Set when the group was set aside (quarantined) rather than applied.
    public var setAside: SetAside?
    /// Set by the hub when `time` was beyond its own clock: its receipt time, which every
    /// replica orders the group's values by instead. Not part of the chain hash.
    public var clampedTime: Timestamp?
    /// The chain hash once computed from this content; any change to what it covers forgets it.
    private var computedHash = HashMemo()

    /// The time the group's values are ordered by in a conflict: ``clampedTime`` when the hub
    /// clamped the writer's clock, else ``time``.
    public var orderingTime: Timestamp { clampedTime ?? time }

    /// A group from its parts.
    public init(origin: ReplicaID, scope: ScopeID, kind: RecordKind, record: RecordID,
                firstCounter: UInt64, time: Timestamp, author: String, fields: [FieldChange],
                previousHash: [UInt8]? = nil, setAside: SetAside? = nil, clampedTime: Timestamp? = nil) {
        self.origin = origin
        self.scope = scope
        self.kind = kind
        self.record = record
        self.firstCounter = firstCounter
        self.time = time
        self.author = author
        self.fields = fields
        self.previousHash = previousHash
        self.setAside = setAside
        self.clampedTime = clampedTime
    }

    /// The counter of the last field change's dot.
    public var lastCounter: UInt64 { firstCounter + UInt64(fields.count) - 1 }

    /// The dot of the field change at `index`.
    public func dot(at index: Int) -> Dot {
        Dot(origin: origin, counter: firstCounter + UInt64(index))
    }

    /// The group as individual changes.
    public var changes: [Change] {
        fields.enumerated().map { index, field in
            Change(dot: dot(at: index), scope: scope, kind: kind, record: record, field: field.field,
                   value: field.value, context: field.context, time: orderingTime, author: author)
        }
    }

    /// This group set aside for `code` and `reason`: the same dots, no values.
    public func settingAside(code: String, reason: String) -> ChangeGroup {
        var voided = self
        voided.setAside = SetAside(code: code, reason: reason, hash: setAside?.hash ?? GroupHash.of(self))
        voided.fields = fields.map { FieldChange(field: $0.field, value: .null) }
        return voided
    }

    /// The group's chain hash: its own (``GroupHash``) or, when set aside, the one it carries.
    public var chainHash: [UInt8] { setAside?.hash ?? computedHash.bytes ?? GroupHash.of(self) }

    /// Computes the chain hash and keeps it with the group, so applying or re-sending it later
    /// does not hash it again. Returns ``chainHash``.
    public mutating func computeChainHash() -> [UInt8] {
        if let hash = setAside?.hash ?? computedHash.bytes { return hash }
        let hash = GroupHash.of(self)
        computedHash = HashMemo(bytes: hash)
        return hash
    }

    /// `origin:first…last scope/kind/record`.
    public var description: String {
        "\(origin):\(firstCounter)…\(lastCounter) \(scope)/\(kind.rawValue)/\(record)"
    }
}
