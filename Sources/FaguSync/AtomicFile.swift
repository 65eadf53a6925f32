#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Android)
import Android
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes a file all at once and durably: to `PATH.partial` first — created with its final
/// mode, so it is never readable by others even for a moment — then flushed to disk, renamed
/// into place and the folder flushed too, so neither a reader (the nightly merge, a device)
/// nor a power cut ever sees half a file. The merge skips `.partial` files.
public enum AtomicFile {
    /// Writes `data` to `path`, replacing what is there.
    ///
    /// - Parameter permissions: POSIX mode of the new file; 0600 (its owner only) unless
    ///   told otherwise, since every file Fagu writes — keys, enrollment files, change sets —
    ///   holds secrets or residents' personal data.
    /// - Throws: ``SyncFailure`` when the file cannot be written.
    public static func write(_ data: Data, to path: String, permissions: Int = 0o600) throws {
        let temporary = path + ".partial"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode_t(permissions))
        guard descriptor >= 0 else { throw SyncFailure("cannot write \(path): \(String(cString: strerror(errno)))") }
        let failure = writeAndSync(data, to: descriptor)
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw SyncFailure("cannot write \(path): \(failure)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw SyncFailure("cannot put \(path) in place: \(reason)")
        }
        syncFolder(of: path)
    }

    /// Creates `path` (and missing parents) readable by its owner only: made 0700 by
    /// `mkdir` itself, never loosened for a moment. A folder already there is left as it is.
    public static func createPrivateFolder(_ path: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw SyncFailure("\(path) exists and is not a folder") }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try createPrivateFolder(parent) }
        guard makeFolder(path) else { throw SyncFailure("cannot create the folder \(path): \(String(cString: strerror(errno)))") }
    }

    /// Flushes the folder holding `path`, so a rename into it survives a power cut.
    static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}

/// Writes all of `data` to `descriptor` and flushes it to disk; the error's text, or nil.
private func writeAndSync(_ data: Data, to descriptor: Int32) -> String? {
    var written = 0
    return data.withUnsafeBytes { buffer -> String? in
        while written < buffer.count {
            let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            written += result
        }
        return fsync(descriptor) == 0 ? nil : String(cString: strerror(errno))
    }
}

/// `mkdir(path, 0700)`; true when made (or made meanwhile by another process).
private func makeFolder(_ path: String) -> Bool {
    mkdir(path, 0o700) == 0 || errno == EEXIST
}
