import FaguMerge
import FaguModel
import GRDB

extension Replica {
    /// Applies changes received from other replicas, in one transaction.
    ///
    /// Any order, duplication or batching gives the same result. A group whose
    /// dependencies have not arrived is held back (durably) and applied when they do.
    ///
    /// - Throws: ``ReplicaError`` — and applies nothing — when a group is invalid (unknown
    ///   field, wrong type, wrong scope) or overlaps what is held.
    @discardableResult
    public func apply(_ groups: [ChangeGroup]) throws -> ApplyReport {
        try database.write { db in try apply(groups, in: db) }
    }

    /// ``apply(_:)`` inside a write transaction the caller holds.
    func apply(_ groups: [ChangeGroup], in db: Database) throws -> ApplyReport {
        do {
            let context = try TransactionContext(db)
            var report = ApplyReport()
            // Validate the whole batch first: one bad group refuses all of it.
            for group in groups { _ = try KindTable.of(group.kind).validate(group) }
            let byScope = Dictionary(grouping: groups, by: \.scope)
            for scope in byScope.keys.sorted() {
                let pending = try context.pendingGroups(in: scope)
                let schedule = CausalSchedule(groups: byScope[scope]! + pending, vector: try context.vector(of: scope))
                if let bad = schedule.overlapping.first {
                    throw ReplicaError(.overlappingChanges, "\(bad) overlaps changes already held; the input is corrupt")
                }
                for group in schedule.ready {
                    let applied = try context.apply(group)
                    if try context.noteIncident(group, receivedAt: configuration.clock.now()) {
                        report.incidents.append(group.record)
                    }
                    report.appliedGroups += 1
                    report.appliedChanges += group.fields.count
                    report.conflictsOpened += applied.conflictsOpened
                }
                report.duplicateGroups += schedule.duplicates
                report.heldBackGroups += schedule.waiting.count
                for waiting in schedule.waiting where report.missing.count < 8 {
                    report.missing.append(contentsOf: waiting.missing.prefix(8 - report.missing.count))
                }
                try context.replacePending(in: scope, with: schedule.waiting.map(\.group))
            }
            try context.flush()
            return report
        }
    }

    /// How many received groups are held back, waiting for what they depend on.
    public func heldBackCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pending_group") ?? 0 }
    }
}

extension TransactionContext {
    /// The held-back groups of `scope`.
    func pendingGroups(in scope: ScopeID) throws -> [ChangeGroup] {
        guard let number = existingNumber(of: scope) else { return [] }
        let statement = try db.cachedStatement(
            sql: "SELECT \(TransactionContext.groupColumns) FROM pending_group WHERE scope = ?")
        return try Row.fetchAll(statement, arguments: [number]).map { try group(fromRow: $0, scope: scope) }
    }

    /// Replaces the held-back groups of `scope` with `groups`.
    func replacePending(in scope: ScopeID, with groups: [ChangeGroup]) throws {
        let number = try self.number(of: scope)
        try db.cachedStatement(sql: "DELETE FROM pending_group WHERE scope = ?").execute(arguments: [number])
        for group in groups {
            let table = KindTable.of(group.kind)
            let body = ChangeBody(fields: try group.fields.map { change in
                guard let index = table.indexByName[change.field] else {
                    throw ReplicaError(.unknownField, "\(group.kind.rawValue) has no field \(change.field)")
                }
                return ChangeBody.Field(index: index, value: change.value,
                                        context: try change.context.map { (try self.number(of: $0.origin), $0.counter) })
            })
            try insertGroupRow(into: .pending, scope: number, origin: try self.number(of: group.origin), group: group,
                               kindCode: table.code, body: body)
        }
    }
}
