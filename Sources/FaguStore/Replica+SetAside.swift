import FaguModel
import Foundation
import GRDB

extension Replica {
    /// Every group set aside here (or, on a device, its own groups the hub set aside),
    /// newest first; only `origin`'s when given.
    public func setAsideEntries(origin: ReplicaID? = nil) throws -> [SetAsideEntry] {
        try database.read { db in
            let filter = origin == nil ? "" : "WHERE origin = ?"
            let arguments: StatementArguments = origin.map { [$0.description] } ?? []
            return try Row.fetchAll(db, sql: "SELECT * FROM set_aside \(filter) ORDER BY noted_at DESC, scope, origin, counter",
                                    arguments: arguments).map { row in
                SetAsideEntry(scope: row["scope"], origin: row["origin"], counter: UInt64(row["counter"] as Int64),
                              count: row["count"], kind: row["kind"], record: row["record"], author: row["author"],
                              writtenAt: Timestamp(milliseconds: row["written_at"]), code: row["code"], reason: row["reason"],
                              notedAt: Timestamp(milliseconds: row["noted_at"]), content: row["content"])
            }
        }
    }

    /// How many groups are set aside here (only `origin`'s when given), without reading them.
    public func setAsideCount(origin: ReplicaID? = nil) throws -> Int {
        try database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM set_aside" + (origin == nil ? "" : " WHERE origin = ?"),
                             arguments: origin.map { [$0.description] } ?? []) ?? 0
        }
    }

    /// `origin`'s groups set aside here after the counters in `after` (per scope, 0 when
    /// absent), as set-aside groups with their reasons: what the hub tells a device.
    public func setAsideGroups(origin: ReplicaID, after: [ScopeID: UInt64]) throws -> [ChangeGroup] {
        try read { context in
            guard let originNumber = context.originNumbers[origin] else { return [] }
            var groups: [ChangeGroup] = []
            let rows = try Row.fetchAll(context.db, sql: """
                SELECT scope, counter, reason FROM set_aside WHERE origin = ? ORDER BY scope, counter
                """, arguments: [origin.description])
            for row in rows {
                let scope = ScopeID(row[0] as String), counter = UInt64(row[1] as Int64)
                guard counter > after[scope] ?? 0, let scopeNumber = context.existingNumber(of: scope) else { continue }
                guard let (run, index) = try context.loggedGroup(scope: scopeNumber, origin: originNumber, startingAt: counter) else {
                    throw ReplicaError(.corrupt, "the set-aside group \(origin):\(counter) in \(scope) is not in the change log")
                }
                var group = try context.group(from: run.entries[index], origin: originNumber, scope: scope)
                guard let setAside = group.setAside else {
                    throw ReplicaError(.corrupt, "the set-aside group \(origin):\(counter) in \(scope) was applied")
                }
                group.setAside = SetAside(code: setAside.code, reason: row[2], hash: setAside.hash)
                group.previousHash = try context.chainHash(scope: scopeNumber, origin: originNumber, endingAt: counter - 1)
                groups.append(group)
            }
            return groups
        }
    }

    /// Lists `origin`'s own groups the hub set aside (on a device), checking each against the
    /// device's own log: the same dots with another hash mean this device is a copy.
    ///
    /// - Returns: How many were new here.
    /// - Throws: ``ReplicaError`` `replica_forked` when one does not match.
    public func noteOwnSetAside(_ groups: [ChangeGroup]) throws -> Int {
        let now = self.now()
        return try database.write { db in
            let context = try TransactionContext(db, tables: tables)
            var noted = 0
            for group in groups {
                guard let setAside = group.setAside, let scope = context.existingNumber(of: group.scope),
                      let held = try context.heldGroup(scope: scope, origin: 1, holding: group.firstCounter),
                      held.first == group.firstCounter, held.count == group.fields.count,
                      held.hash == nil || held.hash == setAside.hash else {
                    throw ReplicaError(.replicaForked, "the hub set aside \(group) as another copy of this replica wrote it, "
                                       + "not as this one did", scope: group.scope, dot: group.dot(at: 0))
                }
                let before = db.totalChangesCount
                try context.noteSetAside(group, setAside, original: nil, notedAt: now)
                if db.totalChangesCount > before { noted += 1 }
            }
            return noted
        }
    }

    /// Per scope, the last counter of `origin` held here and its group's chain hash.
    public func chainHeads(of origin: ReplicaID, scopes: [ScopeID]) throws -> [ScopeID: (counter: UInt64, hash: [UInt8])] {
        try read { context in
            var heads: [ScopeID: (counter: UInt64, hash: [UInt8])] = [:]
            guard let originNumber = context.originNumbers[origin] else { return heads }
            for scope in scopes {
                guard let scopeNumber = context.existingNumber(of: scope) else { continue }
                let counter = try context.counter(scope: scopeNumber, origin: originNumber)
                guard counter > 0, let hash = try context.chainHash(scope: scopeNumber, origin: originNumber, endingAt: counter)
                else { continue }
                heads[scope] = (counter, hash)
            }
            return heads
        }
    }

    /// Whether this replica's own group ending at `counter` in `scope` has chain hash `hash`
    /// (true too when it predates chains). False when it holds fewer of its own changes.
    public func ownChainMatches(scope: ScopeID, counter: UInt64, hash: [UInt8]) throws -> Bool {
        try read { context in
            guard let scopeNumber = context.existingNumber(of: scope) else { return counter == 0 }
            guard try context.counter(scope: scopeNumber, origin: 1) >= counter else { return false }
            guard let held = try context.heldGroup(scope: scopeNumber, origin: 1, holding: counter),
                  held.first + UInt64(held.count) - 1 == counter else { return false }
            return held.hash == nil || held.hash == hash
        }
    }

    /// Records at the hub that `device` was seen writing from two copies.
    public func recordForkAlert(_ alert: ForkAlert) throws {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO fork_alert (replica_id, subject, scope, counter, detected_at, detail) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [alert.replica, alert.subject, alert.scope, Int64(alert.counter),
                                 alert.detectedAt.milliseconds, alert.detail])
            try db.execute(sql: "UPDATE device SET forked_at = COALESCE(forked_at, ?) WHERE replica_id = ?",
                           arguments: [alert.detectedAt.milliseconds, alert.replica])
        }
    }

    /// Every fork alert at the hub, newest first.
    public func forkAlerts() throws -> [ForkAlert] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM fork_alert ORDER BY detected_at DESC, id DESC").map { row in
                ForkAlert(replica: row["replica_id"], subject: row["subject"], scope: row["scope"],
                          counter: UInt64(row["counter"] as Int64), detectedAt: Timestamp(milliseconds: row["detected_at"]),
                          detail: row["detail"])
            }
        }
    }
}
