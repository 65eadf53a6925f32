import FaguModel
import Foundation
import GRDB

/// The change log: each origin's groups per scope, stored as runs (``LogRun``) in
/// `change_run`, indexed by scope, origin and last counter.
///
/// Groups a write transaction adds wait in an open run per scope and origin until
/// ``flushLog()`` (at the latest before commit, from ``flush()``); every read of the log
/// here first writes the open runs it reads (``flushLog(_:)``), so it sees them.
extension TransactionContext {
    /// The columns every run query selects, in order.
    static let runColumns = "id, scope, origin, first, entries"

    /// Adds `entry` to the log of `origin` in `scope`.
    func appendToLog(scope: Int, origin: Int, _ entry: LogEntry) throws {
        let key = VectorKey(scope: scope, origin: origin)
        if openRuns[key, default: LogRun(startingAt: entry.first)].append(entry), let run = openRuns.removeValue(forKey: key) {
            try write(run, key)
        }
    }

    /// Writes every open run.
    func flushLog() throws {
        guard !openRuns.isEmpty else { return }
        for key in openRuns.keys.sorted(by: { ($0.scope, $0.origin) < ($1.scope, $1.origin) }) {
            try write(openRuns[key]!, key)
        }
        openRuns.removeAll()
    }

    /// Writes the open run of one scope and origin, if any: all a read of that origin's
    /// log in that scope needs, without cutting the other open runs short.
    func flushLog(_ key: VectorKey) throws {
        if let run = openRuns.removeValue(forKey: key) { try write(run, key) }
    }

    private func write(_ run: LogRun, _ key: VectorKey) throws {
        try statement(LogRun.insertSQL).executeDirect(run.insertArguments(scope: key.scope, origin: key.origin))
    }

    /// Replaces a stored run's entries (the same groups, some of them changed).
    func rewrite(_ run: StoredRun) throws {
        try statement(LogRun.rewriteSQL).executeDirect(LogRun(run.entries).rewriteArguments(id: run.id))
    }

    /// The stored run of a row selected with ``runColumns``.
    private func storedRun(_ row: Row) throws -> StoredRun {
        let id: Int64 = row[0], scope: Int = row[1], origin: Int = row[2]
        let first = UInt64(row[3] as Int64)
        guard let entries = LogRun.entries(of: [UInt8](row[4] as Data), first: first) else {
            throw ReplicaError(.corrupt, "the change-log run \(id) (scope \(scope), origin \(origin), from \(first)) is unreadable")
        }
        return StoredRun(id: id, scope: scope, origin: origin, entries: entries)
    }

    /// `origin`'s groups in `scope` that start after `counter`, in counter order, at most
    /// `limit`, and how many groups were decoded to find them.
    func loggedEntries(scope: Int, origin: Int, after counter: UInt64, limit: Int = Int.max) throws -> (entries: [LogEntry], read: Int) {
        try flushLog(VectorKey(scope: scope, origin: origin))
        var entries: [LogEntry] = []
        var read = 0
        // The delta's query, so its measurement counts this statement's steps.
        let rows = try Row.fetchCursor(statement(Replica.deltaSQL), arguments: [scope, origin, Int64(counter)])
        while entries.count < limit, let row = try rows.next() {
            let run = try storedRun(row)
            read += run.entries.count
            for entry in run.entries where entry.first > counter {
                entries.append(entry)
                if entries.count == limit { break }
            }
        }
        return (entries, read)
    }

    /// Whether `origin` has a group of the kind with storage code `kindCode` in `scope`
    /// that starts after `counter`.
    func logHolds(kindCode: Int, scope: Int, origin: Int, after counter: UInt64) throws -> Bool {
        try flushLog(VectorKey(scope: scope, origin: origin))
        let rows = try Row.fetchCursor(statement("""
            SELECT \(TransactionContext.runColumns) FROM change_run
            WHERE scope = ? AND origin = ? AND last > ? AND (kinds & ?) != 0 ORDER BY last
            """), arguments: [scope, origin, Int64(counter), LogRun.kindBit(kindCode)])
        while let row = try rows.next() {
            if try storedRun(row).entries.contains(where: { $0.first > counter && $0.kindCode == kindCode }) { return true }
        }
        return false
    }

    /// `origin`'s groups in `scope` that start after `counter` and that the hub clamped.
    func clampedEntries(scope: Int, origin: Int, after counter: UInt64) throws -> [LogEntry] {
        try flushLog(VectorKey(scope: scope, origin: origin))
        var entries: [LogEntry] = []
        let rows = try Row.fetchCursor(statement("""
            SELECT \(TransactionContext.runColumns) FROM change_run
            WHERE scope = ? AND origin = ? AND last > ? AND clamped > 0 ORDER BY last
            """), arguments: [scope, origin, Int64(counter)])
        while let row = try rows.next() {
            entries += try storedRun(row).entries.filter { $0.first > counter && $0.clampedTime != nil }
        }
        return entries
    }

    /// The stored run holding the group of `origin` in `scope` that holds `counter`, and
    /// that group's position in it; nil when no held group holds it.
    func loggedGroup(scope: Int, origin: Int, holding counter: UInt64) throws -> (run: StoredRun, index: Int)? {
        try flushLog(VectorKey(scope: scope, origin: origin))
        guard let row = try Row.fetchOne(statement("""
            SELECT \(TransactionContext.runColumns) FROM change_run WHERE scope = ? AND origin = ? AND last >= ? ORDER BY last LIMIT 1
            """), arguments: [scope, origin, Int64(counter)]) else { return nil }
        let run = try storedRun(row)
        guard let index = run.entries.firstIndex(where: { $0.first <= counter && counter <= $0.last }) else { return nil }
        return (run, index)
    }

    /// The last counter and last hash of the first stored run of `origin` in `scope` that
    /// ends at or after `counter`, read from its columns without decoding it (open runs are
    /// not looked at); nil when there is none.
    func storedRunEnd(scope: Int, origin: Int, atOrAfter counter: UInt64) throws -> (last: UInt64, hash: [UInt8]?)? {
        guard let row = try Row.fetchOne(statement("""
            SELECT last, last_hash FROM change_run WHERE scope = ? AND origin = ? AND last >= ? ORDER BY last LIMIT 1
            """), arguments: [scope, origin, Int64(counter)]) else { return nil }
        return (UInt64(row[0] as Int64), (row[1] as Data?).map { [UInt8]($0) })
    }

    /// The stored run holding the group of `origin` in `scope` that starts at `counter`, and
    /// that group's position in it; nil when no held group starts there.
    func loggedGroup(scope: Int, origin: Int, startingAt counter: UInt64) throws -> (run: StoredRun, index: Int)? {
        guard let found = try loggedGroup(scope: scope, origin: origin, holding: counter),
              found.run.entries[found.index].first == counter else { return nil }
        return found
    }

    /// Calls `body` with every stored run, ordered by scope, origin and counter: its scope,
    /// origin and first counter, its entries (nil when its bytes are unreadable), and a check
    /// of whether its summary columns (``LogRun/summaryColumns``) agree with those entries —
    /// the log's readers trust them to find runs without decoding. The check re-encodes the
    /// run, so only a caller that asks pays for it.
    func forEachLoggedRun(_ body: (_ scope: Int, _ origin: Int, _ first: UInt64, _ entries: [LogEntry]?,
                                   _ summaryAgrees: () -> Bool) throws -> Void) throws {
        try flushLog()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT \(TransactionContext.runColumns), \(LogRun.summaryColumns.joined(separator: ", ")) FROM change_run
            ORDER BY scope, origin, last
            """)
        while let row = try rows.next() {
            let first = UInt64(row[3] as Int64)
            let entries = LogRun.entries(of: [UInt8](row[4] as Data), first: first)
            let stored = LogRun.summaryColumns.map { row[$0] as DatabaseValue }
            try body(row[1], row[2], first, entries) {
                guard let entries, !entries.isEmpty else { return false }
                let rebuilt = LogRun(entries)
                return rebuilt.first == first && rebuilt.summaryValues == stored
            }
        }
    }
}
