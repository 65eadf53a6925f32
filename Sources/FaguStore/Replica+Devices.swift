import FaguModel
import Foundation
import GRDB

extension Replica {
    /// Enrolls a device (at the hub): it may sync once it registers its key with the token.
    ///
    /// - Throws: ``ReplicaError`` when a device with that id is already enrolled.
    public func enroll(_ device: EnrolledDevice) throws {
        try database.write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM device WHERE replica_id = ?", arguments: [device.id.description]) == nil else {
                throw ReplicaError(.recordExists, "device \(device.id) is already enrolled")
            }
            try db.execute(sql: """
                INSERT INTO device (replica_id, role, subject, scopes, token_digest, public_key, enrolled_at,
                                    registered_at, revoked_at, last_seen_at, last_vectors, token_expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [device.id.description, device.role.rawValue, device.subject,
                                 device.scopes.map(\.name).joined(separator: ","), Data(device.tokenVerifier),
                                 device.publicKey.map { Data($0) }, device.enrolledAt.milliseconds, device.registeredAt?.milliseconds,
                                 device.revokedAt?.milliseconds, device.lastSeenAt?.milliseconds,
                                 device.lastVectors.storedText, device.tokenExpiresAt?.milliseconds])
        }
    }

    /// The enrolled device `id`, or nil.
    public func device(_ id: ReplicaID) throws -> EnrolledDevice? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM device WHERE replica_id = ?", arguments: [id.description])
                .flatMap(Replica.device(from:))
        }
    }

    /// Every enrolled device, by subject then id.
    public func devices() throws -> [EnrolledDevice] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM device ORDER BY subject, replica_id").compactMap(Replica.device(from:))
        }
    }

    /// Revokes a device: every later file from it is refused.
    ///
    /// - Returns: Whether the device was enrolled and not yet revoked.
    @discardableResult
    public func revoke(_ id: ReplicaID, at time: Timestamp) throws -> Bool {
        try database.write { db in
            try db.execute(sql: "UPDATE device SET revoked_at = ? WHERE replica_id = ? AND revoked_at IS NULL",
                           arguments: [time.milliseconds, id.description])
            return db.changesCount == 1
        }
    }

    private static func device(from row: Row) -> EnrolledDevice? {
        guard let id = ReplicaID(row["replica_id"] as String), let role = DeviceRole(rawValue: row["role"]) else { return nil }
        let scopes = (row["scopes"] as String).split(separator: ",").map { ScopeID(String($0)) }
        let key: [UInt8]? = (row["public_key"] as Data?).map { [UInt8]($0) }
        let time: (String) -> Timestamp? = { column in (row[column] as Int64?).map(Timestamp.init(milliseconds:)) }
        return EnrolledDevice(id: id, role: role, subject: row["subject"], scopes: scopes,
                              tokenVerifier: [UInt8](row["token_digest"] as Data),
                              tokenExpiresAt: time("token_expires_at"), publicKey: key,
                              enrolledAt: time("enrolled_at") ?? Timestamp(milliseconds: 0), registeredAt: time("registered_at"),
                              revokedAt: time("revoked_at"), lastSeenAt: time("last_seen_at"),
                              lastVectors: ScopeVectors(storedText: row["last_vectors"]) ?? ScopeVectors(),
                              forkedAt: time("forked_at"),
                              acknowledged: (ScopeVectors(storedText: row["acknowledged"]) ?? ScopeVectors()).vectors
                                .mapValues { $0[id] },
                              lastWrittenAt: time("last_written_at"),
                              encryptionKey: (row["encryption_key"] as Data?).map { [UInt8]($0) },
                              clockAheadAt: time("clock_ahead_at"), clockAheadBy: row["clock_ahead_ms"],
                              formatMajor: (row["format_major"] as Int64?).flatMap(UInt8.init(exactly:)))
    }
}
