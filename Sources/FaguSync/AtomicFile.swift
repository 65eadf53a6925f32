import Foundation

/// Writes a file all at once: to `PATH.partial` first, then renamed into place, so a reader
/// (the nightly merge, a device) never sees half a file. The merge skips `.partial` files.
public enum AtomicFile {
    /// Writes `data` to `path`, replacing what is there.
    ///
    /// - Parameter permissions: POSIX mode, e.g. `0o600` for keys and enrollment files
    ///   (readable by their owner only); the system default when nil.
    /// - Throws: ``SyncFailure`` when the file cannot be written.
    public static func write(_ data: Data, to path: String, permissions: Int? = nil) throws {
        let temporary = path + ".partial"
        let attributes: [FileAttributeKey: Any]? = permissions.map { [.posixPermissions: $0] }
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: attributes) else {
            throw SyncFailure("cannot write \(path)")
        }
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
    }
}
