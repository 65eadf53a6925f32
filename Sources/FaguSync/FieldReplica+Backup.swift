import FaguStore
import Foundation

extension FieldReplica {
    /// The metadata key under which a device's backup carries its key file.
    static let backupKeyEntry = "backup_device_key"

    /// Writes a consistent, checked copy of the device in `home` — its replica and its key —
    /// to the new file at `path`.
    ///
    /// - Throws: ``SyncFailure`` when `home` holds no device; ``ReplicaError`` when `path`
    ///   exists or the copy does not check out.
    public static func backup(home: String, to path: String) throws {
        guard FileManager.default.fileExists(atPath: replicaPath(home: home)) else {
            throw SyncFailure(.noReplica, subject: home, "no replica in \(home); join a district first with `fagu init --enroll FILE`")
        }
        try BackupFile.write(replicaPath: replicaPath(home: home), keyPath: keyPath(home: home), keyEntry: backupKeyEntry,
                             to: path) { _ in }
    }

    /// Restores the device backed up in `file` into `home`, which must not hold a device.
    ///
    /// A backup is an older copy of an identity that may have written since: the restored
    /// device is marked as such and writes nothing until `fagu recover --enroll NEW_FILE`
    /// gives it a new identity, carrying its work over — so no change is ever written twice
    /// under one dot.
    ///
    /// - Throws: ``SyncFailure`` when `home` holds a device or `file` is not a device's backup.
    public static func restore(from file: String, home: String) throws {
        guard !FileManager.default.fileExists(atPath: replicaPath(home: home)) else {
            throw SyncFailure(.replicaExists, subject: home, "\(home) already holds a replica; restore into an empty --home")
        }
        try BackupFile.restore(from: file, home: home, replicaPath: replicaPath(home: home), keyPath: keyPath(home: home),
                               keyEntry: backupKeyEntry, accepts: { try $0.metadata("role").map { $0 != "hub" } ?? false },
                               prepare: { restored in
            try restored.markForked("restored from a backup: this identity may have written since; "
                                    + "get a new enrollment file and run `fagu recover --enroll FILE`")
        })
    }
}
