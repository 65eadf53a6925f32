import FaguModel
import GRDB

extension Replica {
    /// A fact recorded about this replica (its role, hub address, last vectors acknowledged
    /// by the hub…), or nil when never set.
    public func metadata(_ key: String) throws -> String? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM replica_meta WHERE key = ?", arguments: [key])
        }
    }

    /// Records facts about this replica, all in one transaction; a nil value removes the key.
    public func setMetadata(_ values: [String: String?]) throws {
        try database.write { db in
            for (key, value) in values.sorted(by: { $0.key < $1.key }) {
                guard !["replica_id", "author", "schema_version"].contains(key) else {
                    throw ReplicaError(.incompatibleReplica, "\(key) is fixed when the replica is created")
                }
                if let value {
                    try db.execute(sql: "INSERT OR REPLACE INTO replica_meta (key, value) VALUES (?, ?)", arguments: [key, value])
                } else {
                    try db.execute(sql: "DELETE FROM replica_meta WHERE key = ?", arguments: [key])
                }
            }
        }
    }

    /// Vectors stored under a metadata key (e.g. what the hub acknowledged), or empty ones.
    public func storedVectors(_ key: String) throws -> ScopeVectors {
        try metadata(key).flatMap(ScopeVectors.init(storedText:)) ?? ScopeVectors()
    }

    /// Stores `vectors` under a metadata key.
    public func storeVectors(_ vectors: ScopeVectors, as key: String) throws {
        try setMetadata([key: vectors.storedText])
    }

    /// Records one sync attempt.
    /// Why this replica writes no more — another copy used its identity — or nil.
    public func forkedReason() throws -> String? { try metadata("forked") }

    /// Marks this replica as forked (keeping the first reason): every later local write is
    /// refused `replica_forked`.
    public func markForked(_ reason: String) throws {
        if try forkedReason() == nil { try setMetadata(["forked": reason]) }
    }

    /// Deletes refused attempts from before `cutoff` (accepted ones are kept).
    public func pruneRefusedSyncAttempts(before cutoff: Timestamp) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM sync_attempt WHERE ok = 0 AND at < ?", arguments: [cutoff.milliseconds])
        }
    }

    public func recordSyncAttempt(_ attempt: SyncAttempt) throws {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO sync_attempt (at, transport, peer, ok, sent_changes, received_changes, message)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [attempt.at.milliseconds, attempt.transport, attempt.peer, attempt.ok,
                                 attempt.sentChanges, attempt.receivedChanges, attempt.message])
        }
    }

    /// The latest sync attempts, newest first.
    public func syncAttempts(limit: Int = 20) throws -> [SyncAttempt] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sync_attempt ORDER BY id DESC LIMIT ?", arguments: [limit]).map { row in
                SyncAttempt(at: Timestamp(milliseconds: row["at"]), transport: row["transport"], peer: row["peer"],
                            ok: row["ok"], sentChanges: row["sent_changes"], receivedChanges: row["received_changes"],
                            message: row["message"])
            }
        }
    }

    /// How many sync attempts failed or were refused, per peer (a subject, an address, a file).
    public func failedSyncAttempts() throws -> [String: Int] {
        try database.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT peer, COUNT(*) FROM sync_attempt WHERE ok = 0 GROUP BY peer") {
                counts[row[0]] = row[1]
            }
            return counts
        }
    }

    /// Every incident report received here, oldest arrival first.
    public func incidentAlerts() throws -> [IncidentAlert] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM incident_alert ORDER BY received_at, record").compactMap(Replica.alert(from:))
        }
    }

    /// The alert of one incident report, or nil when it has not arrived here.
    public func incidentAlert(for record: RecordID) throws -> IncidentAlert? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM incident_alert WHERE record = ?", arguments: [record.description])
                .flatMap(Replica.alert(from:))
        }
    }

    private static func alert(from row: Row) -> IncidentAlert? {
        guard let id = RecordID(row["record"] as String) else { return nil }
        return IncidentAlert(record: id, communityID: row["community_id"], level: row["level"], summary: row["summary"],
                             author: row["author"], writtenAt: Timestamp(milliseconds: row["written_at"]),
                             receivedAt: Timestamp(milliseconds: row["received_at"]))
    }
}

extension TransactionContext {
    /// Notes `group` in `incident_alert` when it creates a record of the schema's alert kind
    /// not seen before (its scope stands in the `community_id` column).
    func noteIncident(_ group: ChangeGroup, receivedAt: Timestamp) throws -> Bool {
        // Only the group that creates the record (it writes every required field) is news.
        guard let alert = tables.schema.alert, group.kind == alert.kind,
              alert.kind.fields.allSatisfy({ spec in !spec.required || group.fields.contains { $0.field == spec.name } })
        else { return false }
        func text(_ field: String?) -> String? { field.flatMap { name in group.fields.first { $0.field == name }?.value.text } }
        try db.execute(sql: """
            INSERT OR IGNORE INTO incident_alert (record, community_id, level, summary, author, written_at, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [group.record.description, group.scope.name, text(alert.levelField), text(alert.summaryField),
                             group.author, group.time.milliseconds, receivedAt.milliseconds])
        return db.changesCount > 0
    }
}
