/// The changes one write made to one record, with consecutive dots of one origin.
///
/// A group is stored, sent and applied as a whole: its field changes carry the dots
/// `origin:firstCounter`, `origin:firstCounter+1`, … in order. Grouping is an encoding;
/// the merge still decides field by field.
public struct ChangeGroup: Hashable, Sendable, CustomStringConvertible {
    /// The replica that wrote it.
    public var origin: ReplicaID {
        get { storage.origin }
        set { changing { $0.origin = newValue } }
    }
    /// The scope of the record.
    public var scope: ScopeID {
        get { storage.scope }
        set { changing { $0.scope = newValue } }
    }
    /// The kind of the record.
    public var kind: RecordKind {
        get { storage.kind }
        set { changing { $0.kind = newValue } }
    }
    /// The record written.
    public var record: RecordID {
        get { storage.record }
        set { changing { $0.record = newValue } }
    }
    /// The counter of the first field change's dot.
    public var firstCounter: UInt64 {
        get { storage.firstCounter }
        set { changing { $0.firstCounter = newValue } }
    }
    /// When it was written, by the writer's clock.
    public var time: Timestamp {
        get { storage.time }
        set { changing { $0.time = newValue } }
    }
    /// Who wrote it.
    public var author: String {
        get { storage.author }
        set { changing { $0.author = newValue } }
    }
    /// The field changes, in dot order. In a set-aside group they carry no values.
    public var fields: [FieldChange] {
        get { storage.fields }
        set { changing { $0.fields = newValue } }
    }
    /// The chain hash of the previous group of the same origin and scope (32 zero bytes for
    /// the first), so an origin's log is a hash chain; nil where not known yet.
    public var previousHash: [UInt8]? {
        get { storage.previousHash }
        set { changing { $0.previousHash = newValue } }
    }
    /// Set when the group was set aside (quarantined) rather than applied.
    public var setAside: SetAside? {
        get { storage.setAside }
        set { unique().setAside = newValue }
    }
    /// Set by the hub when `time` was beyond its own clock: its receipt time, which every
    /// replica orders the group's values by instead. Not part of the chain hash.
    public var clampedTime: Timestamp? {
        get { storage.clampedTime }
        set { unique().clampedTime = newValue }
    }

    /// The content, shared between copies until one of them changes: a batch copies its
    /// groups many times over (into buckets, schedules, hashers), and one reference is
    /// cheaper to copy than a dozen.
    private var storage: Storage

    /// A group from its parts.
    public init(origin: ReplicaID, scope: ScopeID, kind: RecordKind, record: RecordID,
                firstCounter: UInt64, time: Timestamp, author: String, fields: [FieldChange],
                previousHash: [UInt8]? = nil, setAside: SetAside? = nil, clampedTime: Timestamp? = nil) {
        storage = Storage(origin: origin, scope: scope, kind: kind, record: record, firstCounter: firstCounter, time: time,
                          author: author, fields: fields, previousHash: previousHash, setAside: setAside,
                          clampedTime: clampedTime)
    }

    /// The storage, copied first when another group shares it.
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// Changes what the chain hash covers, forgetting the hash computed before.
    private mutating func changing(_ change: (Storage) -> Void) {
        let storage = unique()
        change(storage)
        storage.computedHash = nil
    }

    /// Whether two groups say the same: every part but the memoized chain hash.
    public static func == (lhs: ChangeGroup, rhs: ChangeGroup) -> Bool {
        if lhs.storage === rhs.storage { return true }
        let (left, right) = (lhs.storage, rhs.storage)
        return left.origin == right.origin && left.scope == right.scope && left.kind == right.kind
            && left.record == right.record && left.firstCounter == right.firstCounter && left.time == right.time
            && left.author == right.author && left.fields == right.fields && left.previousHash == right.previousHash
            && left.setAside == right.setAside && left.clampedTime == right.clampedTime
    }

    /// Hashes what ``==`` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.origin)
        hasher.combine(storage.scope)
        hasher.combine(storage.kind)
        hasher.combine(storage.record)
        hasher.combine(storage.firstCounter)
        hasher.combine(storage.time)
        hasher.combine(storage.author)
        hasher.combine(storage.fields)
        hasher.combine(storage.previousHash)
        hasher.combine(storage.setAside)
        hasher.combine(storage.clampedTime)
    }

    /// The time the group's values are ordered by in a conflict: ``clampedTime`` when the hub
    /// clamped the writer's clock, else ``time``.
    public var orderingTime: Timestamp { clampedTime ?? time }

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
    public var chainHash: [UInt8] { setAside?.hash ?? storage.computedHash ?? GroupHash.of(self) }

    /// Computes the chain hash and keeps it with the group, so applying or re-sending it later
    /// does not hash it again. Returns ``chainHash``.
    public mutating func computeChainHash() -> [UInt8] {
        if let hash = setAside?.hash ?? storage.computedHash { return hash }
        let hash = GroupHash.of(self)
        unique().computedHash = hash
        return hash
    }

    /// `origin:first…last scope/kind/record`.
    public var description: String {
        "\(origin):\(firstCounter)…\(lastCounter) \(scope)/\(kind.rawValue)/\(record)"
    }
}

extension ChangeGroup {
    /// What a group holds. Changed only while one group holds it alone (``unique()``), so
    /// groups sharing it can cross threads.
    private final class Storage: @unchecked Sendable {
        var origin: ReplicaID
        var scope: ScopeID
        var kind: RecordKind
        var record: RecordID
        var firstCounter: UInt64
        var time: Timestamp
        var author: String
        var fields: [FieldChange]
        var previousHash: [UInt8]?
        var setAside: SetAside?
        var clampedTime: Timestamp?
        /// The chain hash once computed from this content.
        var computedHash: [UInt8]?

        init(origin: ReplicaID, scope: ScopeID, kind: RecordKind, record: RecordID, firstCounter: UInt64, time: Timestamp,
             author: String, fields: [FieldChange], previousHash: [UInt8]?, setAside: SetAside?, clampedTime: Timestamp?,
             computedHash: [UInt8]? = nil) {
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
            self.computedHash = computedHash
        }

        func copy() -> Storage {
            Storage(origin: origin, scope: scope, kind: kind, record: record, firstCounter: firstCounter, time: time,
                    author: author, fields: fields, previousHash: previousHash, setAside: setAside, clampedTime: clampedTime,
                    computedHash: computedHash)
        }
    }
}
