import FaguModel
import Foundation
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
///
/// Sync bookkeeping (v2):
/// - `device`: at the hub, every enrolled device: role, subject, scopes, token digest,
///   public key once registered, revocation, and the vectors it last reported.
/// - `incident_alert`: every incident report the moment it first arrived here.
/// - `sync_attempt`: every sync, export and import tried here, with its result.
public enum ReplicaSchema {
    /// Chains and quarantine (v3):
    /// - `change_log.hash`: each group's chain hash (``GroupHash``); `set_aside`: the code
    ///   when the group was set aside, its dots kept and no values.
    /// - `set_aside`: every group set aside here, or — on a device — every own group the hub
    ///   set aside, with code, reason and (where known) the content as JSON.
    /// - `fork_alert` and `device.forked_at`: at the hub, replica identities seen on two copies.
    /// - `device.acknowledged`: what the hub last told each device it holds of its own work;
    ///   `device.last_written_at`: the newest creation time (device clock) of a file accepted
    ///   from it, which tells a late file from a restored backup.
    ///
    /// Sealed files and the hub's clock (v4):
    /// - `device.encryption_key`: at the hub, each device's X25519 key its replies are sealed to;
    ///   `device.clock_ahead_at`/`clock_ahead_ms`: when and by how much its clock was last found
    ///   beyond the hub's.
    /// - `change_log.clamped_time`, `pending_group.clamped_time`: the hub's receipt time of a
    ///   group written with a time beyond the hub's clock, which orders its values instead.
    /// - Every change-log row written from now on carries its values; a replica that held
    ///   rows before notes `log_values_left_to_records` and keeps copying superseded values
    ///   into their rows.
    ///
    /// The change log as runs, and change-set formats (v5):
    /// - `change_run`: each origin's groups per scope, many to a row (``LogRun``): scope,
    ///   origin, first and last counter, group and change counts, a bit per kind held, how
    ///   many groups the hub clamped, the last group's chain hash, and the entries. Indexed by
    ///   scope, origin and last counter. Replaces `change_log`, whose rows move into runs.
    /// - `device.format_major`: at the hub, the change-set format major version of each
    ///   device's latest request, which its replies are written in (NULL: none recorded yet,
    ///   answered in 2.0).
    ///
    /// The schema version this code writes; recorded in `replica_meta`.
    public static let version = 5

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
            try db.execute(sql: "INSERT INTO replica_meta (key, value) VALUES ('schema_version', ?)",
                           arguments: [1])
        }
        migrator.registerMigration("v2-sync") { db in
            try db.execute(sql: """
                CREATE TABLE device (
                    replica_id TEXT PRIMARY KEY NOT NULL, role TEXT NOT NULL, subject TEXT NOT NULL,
                    scopes TEXT NOT NULL, token_digest BLOB NOT NULL, public_key BLOB,
                    enrolled_at INTEGER NOT NULL, registered_at INTEGER, revoked_at INTEGER,
                    last_seen_at INTEGER, last_vectors TEXT NOT NULL DEFAULT '{}');
                CREATE INDEX device_by_subject ON device (subject);
                CREATE TABLE incident_alert (
                    record TEXT PRIMARY KEY NOT NULL, community_id TEXT NOT NULL, level TEXT,
                    summary TEXT, author TEXT NOT NULL, written_at INTEGER NOT NULL, received_at INTEGER NOT NULL);
                CREATE TABLE sync_attempt (
                    id INTEGER PRIMARY KEY, at INTEGER NOT NULL, transport TEXT NOT NULL, peer TEXT NOT NULL,
                    ok INTEGER NOT NULL, sent_changes INTEGER NOT NULL, received_changes INTEGER NOT NULL,
                    message TEXT NOT NULL);
                """)
            try db.execute(sql: "UPDATE replica_meta SET value = 2 WHERE key = 'schema_version'")
        }
        migrator.registerMigration("v3-chains-and-set-aside") { db in
            try db.execute(sql: """
                ALTER TABLE change_log ADD COLUMN hash BLOB;
                ALTER TABLE change_log ADD COLUMN set_aside TEXT;
                ALTER TABLE pending_group ADD COLUMN previous_hash BLOB;
                ALTER TABLE pending_group ADD COLUMN set_aside TEXT;
                ALTER TABLE pending_group ADD COLUMN set_aside_reason TEXT;
                ALTER TABLE pending_group ADD COLUMN set_aside_hash BLOB;
                CREATE TABLE set_aside (
                    scope TEXT NOT NULL, origin TEXT NOT NULL, counter INTEGER NOT NULL, count INTEGER NOT NULL,
                    kind TEXT NOT NULL, record TEXT NOT NULL, author TEXT NOT NULL, written_at INTEGER NOT NULL,
                    code TEXT NOT NULL, reason TEXT NOT NULL, noted_at INTEGER NOT NULL, content TEXT,
                    PRIMARY KEY (scope, origin, counter)) WITHOUT ROWID;
                CREATE INDEX set_aside_by_origin ON set_aside (origin, scope, counter);
                CREATE TABLE fork_alert (
                    id INTEGER PRIMARY KEY, replica_id TEXT NOT NULL, subject TEXT NOT NULL, scope TEXT NOT NULL,
                    counter INTEGER NOT NULL, detected_at INTEGER NOT NULL, detail TEXT NOT NULL);
                ALTER TABLE device ADD COLUMN forked_at INTEGER;
                ALTER TABLE device ADD COLUMN acknowledged TEXT NOT NULL DEFAULT '{}';
                ALTER TABLE device ADD COLUMN last_written_at INTEGER;
                ALTER TABLE device ADD COLUMN last_request INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE device ADD COLUMN token_expires_at INTEGER;
                """)
            try db.execute(sql: "UPDATE replica_meta SET value = 3 WHERE key = 'schema_version'")
        }
        migrator.registerMigration("v4-sealed-files-and-hub-clock") { db in
            try db.execute(sql: """
                ALTER TABLE device ADD COLUMN encryption_key BLOB;
                ALTER TABLE device ADD COLUMN clock_ahead_at INTEGER;
                ALTER TABLE device ADD COLUMN clock_ahead_ms INTEGER;
                ALTER TABLE change_log ADD COLUMN clamped_time INTEGER;
                ALTER TABLE pending_group ADD COLUMN clamped_time INTEGER;
                INSERT INTO replica_meta (key, value)
                    SELECT 'log_values_left_to_records', 1 WHERE EXISTS (SELECT 1 FROM change_log);
                """)
            try db.execute(sql: "UPDATE replica_meta SET value = 4 WHERE key = 'schema_version'")
        }
        migrator.registerMigration("v5-change-runs") { db in
            try db.execute(sql: """
                CREATE TABLE change_run (
                    id INTEGER PRIMARY KEY, scope INTEGER NOT NULL, origin INTEGER NOT NULL,
                    first INTEGER NOT NULL, last INTEGER NOT NULL, groups INTEGER NOT NULL, changes INTEGER NOT NULL,
                    kinds INTEGER NOT NULL, clamped INTEGER NOT NULL, last_hash BLOB, entries BLOB NOT NULL);
                CREATE UNIQUE INDEX change_run_by_origin ON change_run (scope, origin, last);
                """)
            let insert = try db.makeStatement(sql: LogRun.insertSQL)
            func write(_ run: LogRun, scope: Int, origin: Int) throws {
                try insert.execute(arguments: StatementArguments(run.insertArguments(scope: scope, origin: origin)))
            }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT scope, origin, counter, count, kind, record, time, author, body, hash, set_aside, clamped_time
                FROM change_log ORDER BY scope, origin, counter
                """)
            var open: (scope: Int, origin: Int, run: LogRun)?
            while let row = try rows.next() {
                let scope: Int = row[0], origin: Int = row[1]
                guard let record = RecordID(row[5] as DatabaseValue) else {
                    throw ReplicaError(.corrupt, "a change-log row of origin \(origin) at \(row[2] as Int64) names an unreadable record")
                }
                let entry = LogEntry(first: UInt64(row[2] as Int64), count: row[3], kindCode: row[4], record: record, time: row[6],
                                     author: row[7], body: [UInt8](row[8] as Data), hash: (row[9] as Data?).map { [UInt8]($0) },
                                     setAside: row[10], clampedTime: row[11])
                if let current = open, current.scope != scope || current.origin != origin || current.run.isFull {
                    try write(current.run, scope: current.scope, origin: current.origin)
                    open = nil
                }
                if open == nil { open = (scope, origin, LogRun(startingAt: entry.first)) }
                open!.run.append(entry)
            }
            if let current = open { try write(current.run, scope: current.scope, origin: current.origin) }
            try db.execute(sql: "DROP TABLE change_log")
        }
        migrator.registerMigration("v5-device-format") { db in
            try db.execute(sql: "ALTER TABLE device ADD COLUMN format_major INTEGER")
            try db.execute(sql: "UPDATE replica_meta SET value = 5 WHERE key = 'schema_version'")
        }
        return migrator
    }

    /// The table of one kind, with its index by scope field (then the kind's indexed fields).
    ///
    /// - Parameter withClock: Whether to include the `_clock` column a replica keeps; the
    ///   benchmark's plain-SQLite baseline leaves it out.
    public static func recordTableSQL(_ kind: RecordKind, withClock: Bool = true) -> String {
        let quoted = "\"\(kind.tableName)\""
        let columns = kind.fields.map { "\"\($0.name)\" \($0.type.sqlType)" }
        var sql = "CREATE TABLE IF NOT EXISTS \(quoted) (id PRIMARY KEY NOT NULL, "
            + columns.joined(separator: ", ") + (withClock ? ", _clock BLOB NOT NULL" : "") + ") WITHOUT ROWID;"
        if let scopeField = kind.scopeField {
            // Named as the legal-advice tables always were, so existing files keep their index.
            let indexed = ([scopeField] + kind.indexedFields).map { "\"\($0)\"" }.joined(separator: ", ")
            sql += " CREATE INDEX IF NOT EXISTS \"\(kind.tableName)_by_community\" ON \(quoted) (\(indexed));"
        }
        return sql
    }

    /// Brings the record tables to `schema`: a table for every kind not held yet, and a
    /// column for every field appended to a kind since its table was made (fields are only
    /// ever appended, so a kind's stored positions never move).
    static func declare(_ schema: Schema, in database: DatabaseQueue) throws {
        try database.write { db in
            for kind in schema.kinds {
                if try db.tableExists(kind.tableName) {
                    let held = Set(try db.columns(in: kind.tableName).map(\.name))
                    for field in kind.fields where !held.contains(field.name) {
                        try db.execute(sql: "ALTER TABLE \"\(kind.tableName)\" ADD COLUMN \"\(field.name)\" \(field.type.sqlType)")
                    }
                } else {
                    try db.execute(sql: recordTableSQL(kind))
                }
            }
        }
    }
}
