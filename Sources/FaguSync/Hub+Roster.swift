import FaguDomain
import FaguModel
import FaguStore

extension Hub {
    /// What writing roster records changed.
    public struct RosterWrite: Sendable, Hashable {
        /// Records created.
        public var created = 0
        /// Records whose fields changed.
        public var updated = 0
        /// Records already as given.
        public var unchanged = 0
    }

    /// Writes roster records — new ones created, existing ones updated field by field — in
    /// one transaction, as the hub (the roster's only writer).
    ///
    /// A value of a field appended to a kind after release (``Appointment/appendedFields``)
    /// goes in a change group of its own, after the rest of the record's: a device of an older
    /// build sets aside only that group and still holds the record.
    public func writeRoster(communities: [Community], advisers: [Adviser], appointments: [Appointment]) throws -> RosterWrite {
        if communities.contains(where: { $0.id.description == ScopeID.roster.name }) {
            throw SyncFailure("`\(ScopeID.roster.name)` is reserved and cannot be a community code")
        }
        var result = RosterWrite()
        let records: [(RecordKind, RecordID, [String: FieldValue])] =
            communities.map { (Community.kind, $0.id, $0.fieldValues) }
            + advisers.map { (Adviser.kind, $0.id, $0.fieldValues) }
            + appointments.map { (Appointment.kind, $0.id, $0.fieldValues) }
        let existing = try records.map { try replica.record($0.0, id: $0.1) }
        try replica.write { transaction in
            for ((kind, id, all), stored) in zip(records, existing) {
                let appended = kind == Appointment.kind ? Appointment.appendedFields : []
                let fields = all.filter { !appended.contains($0.key) }, later = all.filter { appended.contains($0.key) }
                guard let stored else {
                    try transaction.insert(kind, id: id, fields: fields)
                    if !later.isEmpty { try transaction.update(kind, id: id, fields: later) }
                    result.created += 1
                    continue
                }
                var changed: [String: FieldValue] = [:]
                for spec in kind.fields where !spec.immutable {
                    let wanted = all[spec.name] ?? .null
                    // A field that displays another value, or is in conflict, was written: set it,
                    // even to null.
                    if (stored.fields[spec.name] ?? .null) != wanted || stored.conflicts[spec.name] != nil {
                        changed[spec.name] = wanted
                    }
                }
                if changed.isEmpty {
                    result.unchanged += 1
                } else {
                    let first = changed.filter { !appended.contains($0.key) }, then = changed.filter { appended.contains($0.key) }
                    if !first.isEmpty { try transaction.update(kind, id: id, fields: first) }
                    if !then.isEmpty { try transaction.update(kind, id: id, fields: then) }
                    result.updated += 1
                }
            }
        }
        return result
    }
}
