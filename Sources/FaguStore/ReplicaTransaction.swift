import FaguMerge
import FaguModel

/// The write side of one transaction on a ``Replica``: inserts and updates through the
/// one write path. Obtained from ``Replica/write(_:)``; do not keep it past the closure.
public final class ReplicaTransaction {
    let context: TransactionContext
    let replica: Replica
    /// The time of every change written, when the caller gave one.
    private let time: Timestamp?
    private var localOrigin: Int { 1 }

    init(context: TransactionContext, replica: Replica, time: Timestamp? = nil) {
        self.context = context
        self.replica = replica
        self.time = time
    }

    /// Whether the replica holds record `id` of `kind`, as this transaction sees it.
    public func holds(_ kind: RecordKind, id: RecordID) throws -> Bool {
        try context.row(context.tables.of(kind), id) != nil
    }

    /// A new record id for now.
    public func newRecordID() -> RecordID { replica.newRecordID() }

    /// Stores a new typed record and the changes that create it.
    ///
    /// - Returns: The record's id.
    /// - Throws: ``ReplicaError`` when the record exists or a field is invalid.
    @discardableResult
    public func insert<R: TypedRecord>(_ record: R) throws -> RecordID {
        try insert(R.kind, id: record.id, fields: record.fieldValues)
        return record.id
    }

    /// Stores a new record of `kind` from field values; null values are left out.
    ///
    /// - Returns: The group of changes written.
    @discardableResult
    public func insert(_ kind: RecordKind, id: RecordID, fields: [String: FieldValue]) throws -> ChangeGroup {
        let table = try context.tables.of(kind)
        for spec in table.fields where spec.required && (fields[spec.name] ?? .null).isNull {
            throw ReplicaError(.missingField, "a new \(kind.rawValue) needs \(spec.name)")
        }
        let scope = try Replica.scope(of: kind, fields: fields)
        let changes = try orderedChanges(table, fields.filter { !$0.value.isNull }) { _ in [] }
        let group = try makeGroup(kind: kind, scope: scope, record: id, fields: changes)
        _ = try context.apply(group, knownNew: true, validated: table.validate(group))
        return group
    }

    /// Changes fields of an existing record. Each new value supersedes every value the
    /// field currently has on this replica, so writing a field resolves its open conflict.
    /// A field fixed at creation takes only one of the values of its open conflict, if any.
    ///
    /// - Returns: The group of changes written.
    /// - Throws: ``ReplicaError`` when the record does not exist, a field is unknown,
    ///   immutable (and not in conflict, or given a value not among its conflict's) or invalid.
    @discardableResult
    public func update(_ kind: RecordKind, id: RecordID, fields: [String: FieldValue]) throws -> ChangeGroup {
        let table = try context.tables.of(kind)
        guard let stored = try context.row(table, id) else {
            throw ReplicaError(.recordNotFound, "no \(kind.rawValue) \(id)")
        }
        for (name, value) in fields {
            guard let index = table.index(of: name), table.fields[index].immutable else { continue }
            // A field fixed at creation changes only to settle the conflict that creations of the
            // record on two replicas left in it, by choosing one of its values (``FixedFieldChange``).
            let register = try context.register(table, id, field: index, in: stored)
            let choices = register.isConflict ? register.entries.map(\.value) : []
            guard choices.contains(table.fields[index].type.normalized(value)) else {
                throw ReplicaError(.immutableField, choices.isEmpty ? "\(kind.rawValue).\(name) cannot change once written"
                                   : "\(kind.rawValue).\(name) was written differently on two replicas and takes only one of "
                                   + "those values now: " + choices.map(\.description).joined(separator: ", "))
            }
        }
        let scope: ScopeID = table.kind.fixedScope ?? table.scopeFieldIndex.map { index in
            ScopeID(String.fromDatabaseValue(stored.values[index]) ?? "")
        } ?? ScopeID("")
        var changes = try orderedChanges(table, fields) { index in
            try stored.clock.fields[index].map { Dot(origin: try context.replica(numbered: $0.origin), counter: $0.counter) }
        }
        // An update depends on the record's creation: name it in the context, so no replica
        // applies the update before the record exists (a same-origin creation is ordered by
        // its counter already).
        if let anchor = table.fields.firstIndex(where: \.required) {
            let creation = try stored.clock.fields[anchor]
                .filter { $0.origin != localOrigin }
                .map { Dot(origin: try context.replica(numbered: $0.origin), counter: $0.counter) }
            let named = Set(changes.flatMap(\.context))
            let missing = creation.filter { !named.contains($0) }
            if !missing.isEmpty, !changes.isEmpty {
                changes[0] = FieldChange(field: changes[0].field, value: changes[0].value, context: changes[0].context + missing)
            }
        }
        let group = try makeGroup(kind: kind, scope: scope, record: id, fields: changes)
        _ = try context.apply(group, existing: stored)
        return group
    }

    /// Field changes in storage order, each with the context `contextOf` gives its field.
    private func orderedChanges(_ table: KindTable, _ fields: [String: FieldValue],
                                contextOf: (Int) throws -> [Dot]) throws -> [FieldChange] {
        var indexed: [(Int, FieldChange)] = []
        for (name, value) in fields {
            guard let index = table.index(of: name) else {
                throw ReplicaError(.unknownField, "\(table.kind.rawValue) has no field \(name)")
            }
            indexed.append((index, FieldChange(field: name, value: value, context: try contextOf(index))))
        }
        return indexed.sorted { $0.0 < $1.0 }.map(\.1)
    }

    private func makeGroup(kind: RecordKind, scope: ScopeID, record: RecordID, fields: [FieldChange]) throws -> ChangeGroup {
        guard !fields.isEmpty else { throw ReplicaError(.missingField, "nothing to write to \(kind.rawValue) \(record)") }
        // Every local write comes through here: a forked replica writes nothing more.
        if let forked = context.forked {
            throw ReplicaError(.replicaForked, "this replica's identity is used by another copy (\(forked)); it writes no more: "
                               + "run `fagu recover --enroll NEW_FILE` with a new enrollment file")
        }
        let scopeNumber = try context.number(of: scope)
        let next = try context.counter(scope: scopeNumber, origin: localOrigin) + 1
        var group = ChangeGroup(origin: replica.id, scope: scope, kind: kind, record: record, firstCounter: next,
                                time: time ?? replica.configuration.clock.now(), author: replica.author, fields: fields,
                                previousHash: try context.chainHash(scope: scopeNumber, origin: localOrigin, endingAt: next - 1))
        // Hashed once here: the change log stores it and the caller may send the group on.
        _ = group.computeChainHash()
        return group
    }
}
