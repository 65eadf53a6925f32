import GRDB

extension Replica {
    /// What a large apply's page cache holds per group, in KiB: the record row it writes
    /// (or the table page it changes) and the change-log entry that keeps its values.
    static let applyCacheKiBPerGroup = 2
    /// The most a large apply raises the page cache to, in KiB (128 MiB).
    static let largestApplyCacheKiB = 131_072

    /// The page cache, in KiB, that an apply of `groups` groups runs with: the configured
    /// one, raised for a batch larger than it holds. A day's merge writes its records and
    /// its change log (which keeps every value again) in one transaction; in a cache smaller
    /// than that, SQLite writes pages to the WAL mid-way and again at commit (`tools/bench
    /// merge`, a day of 71,300 groups each way, replicas opened cold: Fagu's merging thread
    /// 1.52-1.69 s at 32 MiB, 1.26-1.50 s at 128 MiB; in `tools/bench core`, whose replicas
    /// are warm from writing the day, the difference is within the noise).
    func applyCacheKiB(groups: Int) -> Int {
        let wanted = min(groups, Replica.largestApplyCacheKiB / Replica.applyCacheKiBPerGroup) * Replica.applyCacheKiBPerGroup
        return max(configuration.cacheKiB, wanted)
    }

    /// Runs `body`, an apply of `groups` groups, with the page cache of
    /// ``applyCacheKiB(groups:)``, and sets the configured one back after: SQLite then frees
    /// the pages past it, so a replica holds the larger cache only while it merges.
    func withApplyPageCache<T>(groups: Int, _ body: () throws -> T) throws -> T {
        let kib = applyCacheKiB(groups: groups)
        guard kib > configuration.cacheKiB else { return try body() }
        try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -\(kib)") }
        let outcome = Result { try body() }
        do {
            try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -\(configuration.cacheKiB)") }
        } catch {
            // Not reported: what the apply did (committed, or refused with its own error) is
            // what the caller must hear. A cache left larger costs memory only, and a
            // connection this broken fails its next use.
        }
        return try outcome.get()
    }
}
