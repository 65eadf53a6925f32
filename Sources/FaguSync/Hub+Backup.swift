import FaguStore
import Foundation

extension Hub {
    /// The metadata key under which a backup carries the hub's key file, so one file
    /// restores a whole hub (the backup is readable by its owner only).
    static let backupKeyEntry = "backup_hub_key"

    /// Writes a consistent, checked copy of this hub — its replica and its key — to the new
    /// file at `path`, safe while `fagu-hub serve` and merges go on.
    ///
    /// - Throws: ``SyncFailure`` when `home` holds no hub; ``ReplicaError`` when `path`
    ///   exists or the copy does not check out.
    public static func backup(home: String, to path: String) throws {
        try BackupFile.write(replicaPath: replicaPath(home: home), keyPath: keyPath(home: home), keyEntry: backupKeyEntry,
                             to: path) { replica in
            guard try replica.metadata("role") == "hub" else { throw SyncFailure("\(home) does not hold a hub replica") }
        }
    }

    /// Restores the hub backed up in `file` into `home`, which must not hold a hub: the
    /// replica file and the key, both readable by their owner only. Devices that synced after
    /// the backup send what it lacks at their next sync.
    ///
    /// - Throws: ``SyncFailure`` when `home` holds a hub or `file` is not a hub's backup.
    public static func restore(from file: String, home: String) throws {
        guard !FileManager.default.fileExists(atPath: replicaPath(home: home)),
              !FileManager.default.fileExists(atPath: keyPath(home: home)) else {
            throw SyncFailure(.hubExists, subject: home, "\(home) already holds a hub; restore into an empty --home")
        }
        try BackupFile.restore(from: file, home: home, replicaPath: replicaPath(home: home), keyPath: keyPath(home: home),
                               keyEntry: backupKeyEntry, accepts: { try $0.metadata("role") == "hub" }, prepare: { _ in })
    }
}
