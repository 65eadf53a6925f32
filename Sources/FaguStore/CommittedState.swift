import GRDB

/// What a write transaction knew of the replica's committed state as it ended: origin and
/// scope numbers, the version vectors it read or advanced, the chain heads it wrote, the
/// replica's settings. The next write transaction starts from it when nothing has been
/// written to the file since, instead of reading it all again: a replica written in many
/// small transactions otherwise reads each scope's vector and chain head anew in each.
struct CommittedState: Sendable {
    var known: KnownState
    /// Where the file stood when it was taken.
    var mark: Mark

    /// Where a file stands as one connection sees it: `PRAGMA data_version`, which changes
    /// when another connection commits, and the rows this connection has changed. While
    /// both stay the same, nothing has written to the file.
    struct Mark: Equatable, Sendable {
        var dataVersion: Int64
        var totalChanges: Int

        /// Where `db`'s file stands now.
        static func current(_ db: Database) throws -> Mark {
            guard let version = try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) else {
                throw ReplicaError(.corrupt, "SQLite gave no data_version")
            }
            return Mark(dataVersion: version, totalChanges: db.totalChangesCount)
        }
    }
}
