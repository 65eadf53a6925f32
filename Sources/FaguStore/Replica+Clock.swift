import FaguMerge
import FaguModel
import Foundation
import GRDB

extension Replica {
    /// `origin`'s groups in `scopes` whose time the hub clamped, after the counters in
    /// `after` (per scope, 0 when absent): what the hub tells the device that wrote them. One
    /// primary-key range per scope, since every reply asks.
    public func clampedGroups(origin: ReplicaID, scopes: [ScopeID], after: [ScopeID: UInt64]) throws -> [RetimedGroup] {
        try read { context in
            guard let originNumber = context.originNumbers[origin] else { return [] }
            var groups: [RetimedGroup] = []
            for scope in scopes.sorted() {
                guard let scopeNumber = context.existingNumber(of: scope) else { continue }
                for entry in try context.clampedEntries(scope: scopeNumber, origin: originNumber, after: after[scope] ?? 0) {
                    groups.append(RetimedGroup(scope: scope, counter: entry.first, time: Timestamp(milliseconds: entry.clampedTime ?? 0)))
                }
            }
            return groups
        }
    }

    /// On a device: orders its own groups the hub clamped by the hub's time, as every other
    /// replica does, choosing each conflict's displayed value again. Groups already ordered
    /// so, or not held here, are left alone.
    ///
    /// - Returns: How many groups changed.
    @discardableResult
    public func retimeOwn(_ groups: [RetimedGroup]) throws -> Int {
        guard !groups.isEmpty else { return 0 }
        return try database.write { db in
            let context = try TransactionContext(db, tables: tables)
            var changed = 0
            for group in groups where try context.retime(scope: group.scope, origin: id, counter: group.counter, to: group.time) {
                changed += 1
            }
            return changed
        }
    }
}

extension TransactionContext {
    /// Orders the group of `origin` starting at `counter` in `scope` by `time`: the change
    /// log remembers it, and every field entry the group still holds takes the new time.
    ///
    /// - Returns: Whether anything changed.
    func retime(scope: ScopeID, origin: ReplicaID, counter: UInt64, to time: Timestamp) throws -> Bool {
        guard let scopeNumber = existingNumber(of: scope), let originNumber = originNumbers[origin],
              let found = try loggedGroup(scope: scopeNumber, origin: originNumber, startingAt: counter) else { return false }
        var run = found.run
        let index = found.index
        let entry = run.entries[index]
        guard entry.clampedTime != time.milliseconds else { return false }
        run.entries[index].clampedTime = time.milliseconds
        try rewrite(run)
        guard entry.setAside == nil else { return true }   // set aside: no values to order
        let record = entry.record
        guard let table = tables.withCode(entry.kindCode), let body = ChangeBody(decoding: entry.body, count: entry.count) else {
            throw ReplicaError(.corrupt, "the change-log row of \(origin):\(counter) in \(scope) is unreadable")
        }
        guard var stored = try self.row(table, record) else {
            throw ReplicaError(.corrupt, "\(table.kind.rawValue) \(record), written by \(origin):\(counter), is not held")
        }
        var touched: [Int] = []
        for (position, field) in body.fields.enumerated() {
            let dot = Dot(origin: origin, counter: counter + UInt64(position))
            // A superseded entry's time no longer matters.
            guard stored.clock.fields[field.index].contains(where: { $0.origin == originNumber && $0.counter == dot.counter }) else {
                continue
            }
            let register = try self.register(table, record, field: field.index, in: stored)
            let retimed = FieldRegister(register.entries.map { entry in
                entry.dot == dot ? RegisterEntry(dot: dot, value: entry.value, time: time) : entry
            })
            try store(retimed, table, record, field: field.index, wasConflict: register.isConflict, into: &stored)
            touched.append(field.index)
        }
        guard !touched.isEmpty else { return true }
        try write(stored, table, record, columns: touched)
        return true
    }
}
