import FaguModel
import Foundation
import GRDB

extension Replica {
    /// Applies a file from an enrolled device and the hub's bookkeeping about it in one
    /// transaction: the device is re-checked (still enrolled, not revoked), its key is
    /// registered when `key` is given (its token is then used up), its groups are applied,
    /// and the vectors it reported are merged into what the hub knows it holds.
    ///
    /// - Throws: ``ReplicaError`` — with nothing changed — `device_refused` when the device
    ///   is unknown or revoked, `key_conflict` when another key was registered first, or any
    ///   refusal of ``apply(_:)``.
    ///
    /// - Parameters:
    ///   - screen: The hub's authority checks: a group it refuses is set aside.
    ///   - acknowledged: What the device says the hub last acknowledged of its own work.
    ///   - encryptionKey: The X25519 key the request names for replies; kept for later ones.
    ///   - formatMajor: The change-set format major version of the request, which replies are
    ///     written in; kept for later ones.
    ///   - clockAheadBy: How far beyond the hub's clock the device wrote, when it did.
    public func apply(_ groups: [ChangeGroup], fromDevice id: ReplicaID, registeringKey key: [UInt8]?,
                      reportedVectors: ScopeVectors, acknowledged: [ScopeID: UInt64] = [:], writtenAt: Timestamp? = nil,
                      requestNumber: UInt64 = 0, encryptionKey: [UInt8]? = nil, formatMajor: UInt8? = nil,
                      clockAheadBy: Int64? = nil, screen: (ChangeGroup) -> (code: String, reason: String)? = { _ in nil }) throws -> ApplyReport {
        let now = self.now()
        return try settingAsideOnRetry(groups: groups.count) { attempt in try database.write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT revoked_at, public_key, last_vectors, last_request FROM device WHERE replica_id = ?
                """,
                                             arguments: [id.description]) else {
                throw ReplicaError(.deviceRefused, "device \(id) is not enrolled here")
            }
            guard (row["revoked_at"] as Int64?) == nil else {
                throw ReplicaError(.deviceRefused, "device \(id) was revoked")
            }
            let registered = (row["public_key"] as Data?).map { [UInt8]($0) }
            if let key {
                if let registered {
                    guard registered == key else { throw ReplicaError(.keyConflict, "device \(id) registered another key first") }
                } else {
                    try db.execute(sql: "UPDATE device SET public_key = ?, registered_at = ? WHERE replica_id = ?",
                                   arguments: [Data(key), now.milliseconds, id.description])
                }
            }
            var report = try apply(groups, in: db, screen: screen, attempt: attempt)
            if let clockAheadBy {
                try db.execute(sql: "UPDATE device SET clock_ahead_at = ?, clock_ahead_ms = ? WHERE replica_id = ?",
                               arguments: [now.milliseconds, clockAheadBy, id.description])
            }
            // A request not newer than the last one taken from the device is a replay: its
            // changes still apply (a late USB file loses nothing), but it earns no reply.
            let lastRequest = UInt64(row["last_request"] as Int64)
            report.replayed = requestNumber <= lastRequest
            report.repeatsLastRequest = requestNumber == lastRequest
            guard !report.replayed else { return report }   // what it reports is old news
            try db.execute(sql: """
                UPDATE device SET last_request = ?, encryption_key = COALESCE(?, encryption_key),
                                  format_major = COALESCE(?, format_major) WHERE replica_id = ?
                """, arguments: [Int64(requestNumber), encryptionKey.map { Data($0) }, formatMajor.map { Int64($0) },
                                 id.description])
            var known = ScopeVectors(storedText: row["last_vectors"]) ?? ScopeVectors()
            for scope in reportedVectors.scopes { known[scope] = known[scope].merged(with: reportedVectors[scope]) }
            let acknowledgedText = ScopeVectors(Dictionary(uniqueKeysWithValues: acknowledged.map {
                ($0.key, VersionVector([id: $0.value]))
            })).storedText
            try db.execute(sql: """
                UPDATE device SET last_seen_at = ?, last_vectors = ?, acknowledged = ?,
                                  last_written_at = MAX(COALESCE(last_written_at, ?), ?) WHERE replica_id = ?
                """, arguments: [now.milliseconds, known.storedText, acknowledgedText, writtenAt?.milliseconds ?? 0,
                                 writtenAt?.milliseconds ?? 0, id.description])
            return report
        } }
    }
}
