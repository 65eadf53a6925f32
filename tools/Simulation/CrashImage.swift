import Foundation

/// The files of an open replica as they stand on disk — the database and its write-ahead
/// log, not yet checkpointed — taken just before the replica is dropped and put back just
/// after, so the next open finds what a killed process leaves behind: committed
/// transactions still in the log for SQLite to recover, and no shared-memory index.
/// (Dropping a replica alone closes its connection, which checkpoints the log.)
struct CrashImage {
    private let database: String
    private let saved: [(original: String, copy: String)]

    /// Copies the files of the replica at `database` as they are now.
    init(of database: String) throws {
        self.database = database
        var saved: [(original: String, copy: String)] = []
        for original in [database, database + "-wal"] where FileManager.default.fileExists(atPath: original) {
            let copy = original + ".crash-image"
            try? FileManager.default.removeItem(atPath: copy)
            try FileManager.default.copyItem(atPath: original, toPath: copy)
            saved.append((original, copy))
        }
        self.saved = saved
    }

    /// Puts the files back as they were when the image was taken; the replica must be closed.
    func restore() throws {
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: database + suffix) {
            try FileManager.default.removeItem(atPath: database + suffix)
        }
        for file in saved {
            if FileManager.default.fileExists(atPath: file.original) { try FileManager.default.removeItem(atPath: file.original) }
            try FileManager.default.moveItem(atPath: file.copy, toPath: file.original)
        }
    }
}
