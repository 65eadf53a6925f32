import FaguModel
import GRDB

/// The replica's tables, built by GRDB's migrator so every later change is a new,
/// named migration.
///
/// Sync metadata:
/// - `replica_meta`: key/value facts about this replica (`replica_id`, `author`, `schema_version`).
/// - `origin`: every replica id seen, numbered locally (1 is this replica).
/// - `scope`: every scope seen, numbered locally.
/// - `version_vector`: per scope and origin, the highest counter held.
/// - `change_log`: every applied group, keyed by scope, origin and first counter.
/// - `pending_group`: received groups held back until what they depend on arrives.
/// - `conflict`: all entries of fields with an open conflict.
///
/// Records: one table per ``RecordKind`` with a column per field, plus `_clock`.
public enum ReplicaSchema {
    /// The schema version this code writes; recorded in `replica_meta`.
    public static let version = 1

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE replica_meta (key TEXT PRIMARY KEY NOT NULL, value NOT NULL) WITHOUT ROWID;
                CREATE TABLE origin (idx INTEGER PRIMARY KEY, replica_id TEXT NOT NULL UNIQUE);
                CREATE TABLE scope (idx INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
                CREATE TABLE version_vector (
                    scope INTEGER NOT NULL, origin INTEGER NOT NULL, counter INTEGER NOT NULL,
                    PRIMARY KEY (scope, origin)) WITHOUT ROWID;
                CREATE TABLE change_log (
                    scope INTEGER NOT NULL, origin INTEGER NOT NULL, counter INTEGER NOT NULL,
                    count INTEGER NOT NULL, kind INTEGER NOT NULL, record NOT NULL,
                    time INTEGER NOT NULL, author TEXT NOT NULL, body BLOB NOT NULL,
                    PRIMARY KEY (scope, origin, counter)) WITHOUT ROWID;
                CREATE TABLE pending_group (
                    scope INTEGER NOT NULL, origin INTEGER NOT NULL, counter INTEGER NOT NULL,
                    count INTEGER NOT NULL, kind INTEGER NOT NULL, record NOT NULL,
                    time INTEGER NOT NULL, author TEXT NOT NULL, body BLOB NOT NULL,
                    PRIMARY KEY (scope, origin, counter)) WITHOUT ROWID;
                CREATE TABLE conflict (
                    kind INTEGER NOT NULL, record NOT NULL, field INTEGER NOT NULL,
                    origin INTEGER NOT NULL, counter INTEGER NOT NULL, time INTEGER NOT NULL, value,
                    PRIMARY KEY (kind, record, field, origin, counter)) WITHOUT ROWID;
                """)
            for kind in RecordKind.allCases {
                try db.execute(sql: recordTableSQL(kind))
            }
            try db.execute(sql: "INSERT INTO replica_meta (key, value) VALUES ('schema_version', ?)",
                           arguments: [version])
        }
        return migrator
    }

    /// The table of one kind as of v1, with its index by community. Later versions add
    /// columns in their own migrations.
    ///
    /// - Parameter withClock: Whether to include the `_clock` column a replica keeps; the
    ///   benchmark's plain-SQLite baseline leaves it out.
    public static func recordTableSQL(_ kind: RecordKind, withClock: Bool = true) -> String {
        let table = KindTable.of(kind)
        let columns = kind.fields.map { "\"\($0.name)\" \($0.type.sqlType)" }
        var sql = "CREATE TABLE \(table.quotedTable) (id PRIMARY KEY NOT NULL, "
            + columns.joined(separator: ", ") + (withClock ? ", _clock BLOB NOT NULL" : "") + ") WITHOUT ROWID;"
        if kind.scopeField != nil {
            let order = kind.fields.contains { $0.name == "date" } ? ", date" : ""
            sql += " CREATE INDEX \"\(kind.tableName)_by_community\" ON \(table.quotedTable) (community_id\(order));"
        }
        return sql
    }
}
