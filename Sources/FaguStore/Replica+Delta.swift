import FaguMerge
import FaguModel
import Foundation
import GRDB
import GRDBSQLite

extension Replica {
    /// The groups a peer lacks, in causal order, for each of `scopes`.
    ///
    /// Found from the peer's vectors with one index range per origin the peer is behind
    /// on, so the cost grows with the delta, not with the history.
    ///
    /// - Parameters:
    ///   - peer: The peer's version vectors.
    ///   - scopes: The scopes to send (the peer's scopes that this replica holds).
    public func delta(for peer: ScopeVectors, scopes: [ScopeID]) throws -> [ChangeGroup] {
        try measureDelta(for: peer, scopes: scopes).groups
    }

    /// ``delta(for:scopes:)`` together with the work SQLite did to find it: virtual-machine
    /// steps and full-scan steps over all its queries, so operators and tests can see that
    /// an up-to-date peer costs nothing however long the history.
    ///
    /// - Parameters:
    ///   - limit: At most this many groups (a page); ``DeltaMeasurement/complete`` says
    ///     whether more remain. A page is always a causally closed prefix, and never empty
    ///     while something remains.
    ///   - origins: Only groups written by these replicas (a device sends only its own).
    public func measureDelta(for peer: ScopeVectors, scopes: [ScopeID], limit: Int = Int.max,
                             origins: Set<ReplicaID>? = nil) throws -> DeltaMeasurement {
        try read { context in
            var measurement = DeltaMeasurement()
            var remaining = max(limit, 1)
            for scope in try context.alertsFirst(scopes.sorted(), peer: peer, origins: origins) {
                guard remaining > 0 else {
                    if try context.vector(of: scope).sortedEntries.contains(where: {
                        $0.counter > peer[scope][$0.origin] && (origins?.contains($0.origin) ?? true)
                    }) {
                        measurement.complete = false
                    }
                    continue
                }
                guard let number = context.existingNumber(of: scope) else { continue }
                let theirs = peer[scope]
                var groups: [ChangeGroup] = []
                for (origin, counter) in try context.vector(of: scope).sortedEntries where counter > theirs[origin] {
                    if let origins, !origins.contains(origin) { continue }
                    guard let originNumber = context.originNumbers[origin] else { continue }
                    let statement = try context.db.cachedStatement(sql: Replica.deltaSQL)
                    _ = sqlite3_stmt_status(statement.sqliteStatement, SQLITE_STMTSTATUS_VM_STEP, 1)
                    _ = sqlite3_stmt_status(statement.sqliteStatement, SQLITE_STMTSTATUS_FULLSCAN_STEP, 1)
                    let (entries, read) = try context.loggedEntries(scope: number, origin: originNumber, after: theirs[origin],
                                                                    limit: remaining)
                    measurement.logEntriesRead += read
                    if entries.count == remaining { measurement.complete = false }
                    measurement.sqliteSteps += Int(sqlite3_stmt_status(statement.sqliteStatement, SQLITE_STMTSTATUS_VM_STEP, 0))
                    measurement.fullScanSteps += Int(sqlite3_stmt_status(statement.sqliteStatement, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0))
                    // The chain: the first group names the hash the peer holds; each next one, the
                    // hash of the group before it.
                    var previous = try context.chainHash(scope: number, origin: originNumber, endingAt: theirs[origin])
                    for entry in entries {
                        groups.append(try context.group(from: entry, origin: originNumber, scope: scope, previousHash: previous))
                        previous = entry.hash
                    }
                }
                let schedule = CausalSchedule(groups: groups, vector: theirs)
                if !schedule.waiting.isEmpty || schedule.ready.count > remaining { measurement.complete = false }
                // A page also stops at about `pageBytes` of values, so a reply of long texts
                // stays well inside every reader's limits.
                var page = schedule.ready.prefix(remaining)
                var bytes = 0
                for (offset, group) in page.enumerated() {
                    bytes += group.fields.reduce(64) { $0 + $1.value.approximateBytes + 16 * $1.context.count }
                    if bytes > Replica.pageBytes && offset > 0 {
                        page = page.prefix(offset)
                        measurement.complete = false
                        remaining = page.count
                        break
                    }
                }
                remaining -= page.count
                measurement.groups.append(contentsOf: page)
            }
            return measurement
        }
    }

    /// About how many bytes of values one page of a delta carries at most (8 MiB), so a
    /// file stays far inside ``ChangeSetLimits`` whatever the texts.
    public static let pageBytes = 8 << 20

    /// The query behind ``delta(for:scopes:)``: the runs of one origin's groups that end
    /// after a counter (``TransactionContext/loggedEntries(scope:origin:after:limit:)``).
    static let deltaSQL = """
        SELECT \(TransactionContext.runColumns) FROM change_run WHERE scope = ? AND origin = ? AND last > ? ORDER BY last
        """

    /// SQLite's plan for the delta query, one line per step, for diagnostics and tests.
    public func deltaQueryPlan() throws -> [String] {
        try database.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Replica.deltaSQL, arguments: [1, 1, 0])
                .map { $0["detail"] as String }
        }
    }

    /// How many groups and field changes the change log holds, the bytes its pages take
    /// on disk (SQLite's `dbstat`, or the payload where that is unavailable), and the bytes
    /// of its rows' payload.
    public func changeLogSize() throws -> (groups: Int, changes: Int, bytes: Int, payloadBytes: Int) {
        try database.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COALESCE(SUM(groups), 0), COALESCE(SUM(changes), 0), COALESCE(SUM(length(entries)), 0) FROM change_run
                """)!
            let payload: Int = row[2]
            // `dbstat` is compiled into most SQLite builds but not all: without it, the payload.
            let pages: Int?
            do {
                pages = try Int.fetchOne(db, sql: """
                    SELECT SUM(pgsize) FROM dbstat WHERE name IN ('change_run', 'change_run_by_origin')
                    """)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR && (error.message ?? "").contains("dbstat") {
                pages = nil
            }
            return (row[0], row[1], pages ?? payload, payload)
        }
    }
}

extension TransactionContext {
    /// `scopes` with those holding a group of the schema's alert kind (an incident report)
    /// that the peer lacks moved to the front, so a paged sync sends the alert in its first
    /// pages: a scope's groups still go in causal order, so what precedes the alert in its
    /// own scope goes with it.
    func alertsFirst(_ scopes: [ScopeID], peer: ScopeVectors, origins: Set<ReplicaID>?) throws -> [ScopeID] {
        guard let alert = tables.schema.alert else { return scopes }
        var urgent: [ScopeID] = []
        var rest: [ScopeID] = []
        for scope in scopes {
            var holdsAlert = false
            if let number = existingNumber(of: scope) {
                for (origin, counter) in try vector(of: scope).sortedEntries where counter > peer[scope][origin] {
                    if let origins, !origins.contains(origin) { continue }
                    guard let originNumber = originNumbers[origin] else { continue }
                    if try logHolds(kindCode: alert.kind.storageCode, scope: number, origin: originNumber,
                                    after: peer[scope][origin]) {
                        holdsAlert = true
                        break
                    }
                }
            }
            if holdsAlert { urgent.append(scope) } else { rest.append(scope) }
        }
        return urgent + rest
    }
}
