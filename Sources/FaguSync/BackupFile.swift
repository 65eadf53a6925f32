import FaguDomain
import FaguStore
import Foundation

/// One file holding a home — its replica and, in the replica's metadata, its key — written
/// by ``write(replicaPath:keyPath:keyEntry:to:)`` and put back by ``restore(from:home:replicaPath:keyPath:keyEntry:prepare:)``.
enum BackupFile {
    /// Writes a consistent, checked copy of the replica at `replicaPath` with the key file at
    /// `keyPath` inside it (under `keyEntry`) to the new file at `path`.
    static func write(replicaPath: String, keyPath: String, keyEntry: String, to path: String,
                      check: (Replica) throws -> Void) throws {
        let replica = try Replica.openReadOnly(at: replicaPath, schema: .legalAdvice)
        try check(replica)
        guard let key = FileManager.default.contents(atPath: keyPath) else {
            throw SyncFailure("cannot read the key at \(keyPath)")
        }
        try replica.backup(to: path, metadata: [keyEntry: String(decoding: key, as: UTF8.self)])
    }

    /// Puts the backup in `file` into `home` (created private): the replica, through SQLite and
    /// a staging file moved in last, after `prepare` ran on it; the key file beside it.
    ///
    /// - Parameter accepts: Whether the backup is of the kind expected (its metadata read).
    static func restore(from file: String, home: String, replicaPath: String, keyPath: String, keyEntry: String,
                        accepts: (Replica) throws -> Bool, prepare: (Replica) throws -> Void) throws {
        let backup = try Replica.openReadOnly(at: file, schema: .legalAdvice)
        guard try accepts(backup), let key = try backup.metadata(keyEntry) else {
            throw SyncFailure("\(file) is not a backup of this kind (fagu backup, fagu-hub backup)")
        }
        try AtomicFile.createPrivateFolder(home)
        let staging = home + "/.restoring-\(UUID().uuidString).sqlite"
        do {
            // A fresh copy through SQLite (never a byte copy of a file another process may hold).
            try backup.backup(to: staging)
            let restored = try Replica.open(at: staging, schema: .legalAdvice)
            try restored.setMetadata([keyEntry: nil])
            try prepare(restored)
            try restored.close()
            try AtomicFile.write(Data(key.utf8), to: keyPath)
            try FileManager.default.moveItem(atPath: staging, toPath: replicaPath)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }
}
