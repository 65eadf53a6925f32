import FaguMerge
import FaguModel
import GRDB

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
        try read { context in
            var result: [ChangeGroup] = []
            for scope in scopes.sorted() {
                guard let number = context.existingNumber(of: scope) else { continue }
                let theirs = peer[scope]
                var groups: [ChangeGroup] = []
                for (origin, counter) in try context.vector(of: scope).sortedEntries where counter > theirs[origin] {
                    guard let originNumber = context.originNumbers[origin] else { continue }
                    let rows = try Row.fetchAll(context.db.cachedStatement(sql: Replica.deltaSQL),
                                                arguments: [number, originNumber, Int64(theirs[origin])])
                    for row in rows { groups.append(try context.group(fromRow: row, scope: scope)) }
                }
                result.append(contentsOf: CausalSchedule(groups: groups, vector: theirs).ready)
            }
            return result
        }
    }

    /// The query behind ``delta(for:scopes:)``: one origin's groups after a counter.
    static let deltaSQL = """
        SELECT origin, counter, count, kind, record, time, author, body FROM change_log
        WHERE scope = ? AND origin = ? AND counter > ? ORDER BY counter
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
                SELECT COUNT(*), COALESCE(SUM(count), 0),
                       COALESCE(SUM(length(body) + length(record) + length(author)), 0) FROM change_log
                """)!
            let payload: Int = row[2]
            let pages = try? Int.fetchOne(db, sql: "SELECT SUM(pgsize) FROM dbstat WHERE name = 'change_log'")
            return (row[0], row[1], pages ?? payload, payload)
        }
    }
}
