import FaguDomain
import FaguStore
import Foundation

extension Hub {
    /// The metadata key under which a backup carries the hub's key file, so one file
    /// restores a whole hub (the backup is readable by its owner only).
    static let backupKeyEntry = "backup_hub_key"

    /// Writes a consistent, checked copy of this hub — its replica and its key — to the new
    /// file at `path`, safe while `fagu-hub serve` and merges go on.
    ///
    /// - Throws: ``SyncFailure`` when the key cannot be read; ``ReplicaError`` when `path`
    ///   exists or the copy does not check out.
    public static func backup(home: String, to path: String) throws {
        let replica = try Replica.openReadOnly(at: replicaPath(home: home), schema: .legalAdvice)
        guard try replica.metadata("role") == "hub" else { throw SyncFailure("\(home) does not hold a hub replica") }
        guard let key = FileManager.default.contents(atPath: keyPath(home: home)) else {
            throw SyncFailure("cannot read the hub's key at \(keyPath(home: home))")
        }
        try replica.backup(to: path, metadata: [backupKeyEntry: String(decoding: key, as: UTF8.self)])
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
        let backup = try Replica.openReadOnly(at: file, schema: .legalAdvice)
        guard try backup.metadata("role") == "hub", let key = try backup.metadata(backupKeyEntry) else {
            throw SyncFailure("\(file) is not a backup of a Fagu hub (fagu-hub backup)")
        }
        try AtomicFile.createPrivateFolder(home)
        let staging = home + "/.restoring-\(UUID().uuidString).sqlite"
        do {
            // A fresh copy through SQLite (never a byte copy of a file another process may hold).
            try backup.backup(to: staging)
            let restored = try Replica.open(at: staging, schema: .legalAdvice)
            try restored.setMetadata([backupKeyEntry: nil])
            try restored.close()
            try AtomicFile.write(Data(key.utf8), to: keyPath(home: home))
            try FileManager.default.moveItem(atPath: staging, toPath: replicaPath(home: home))
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }
}
