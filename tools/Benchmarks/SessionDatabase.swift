import CSQLiteSession
import CZlib
import FaguDomain
import FaguModel
import FaguStore
import Foundation
import GRDB

/// The baseline: the same tables without sync bookkeeping, written with SQLite's session
/// extension recording, its changeset zlib'd, and applied on the other side with
/// `sqlite3changeset_apply` — what SQLite itself offers for replicating the same day.
final class SessionDatabase {
    let queue: DatabaseQueue
    private var session: OpaquePointer?

    /// - Parameters:
    ///   - cacheKiB: SQLite's page cache; nil leaves SQLite's default (2 MiB).
    ///   - pageBytes: The page size of the new file; nil leaves SQLite's default (4 KiB).
    ///   - checkpointPages: `PRAGMA wal_autocheckpoint` (a replica's 8,192, to compare
    ///     commit costs like for like); nil leaves SQLite's default (1,000).
    ///   - durability: How hard commits sync (a replica's default unless told).
    init(path: String, cacheKiB: Int?, pageBytes: Int?, checkpointPages: Int? = nil,
         durability: ReplicaConfiguration.Durability = .full) throws {
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.prepareDatabase { db in
            if let pageBytes { try db.execute(sql: "PRAGMA page_size = \(pageBytes)") }
            if let cacheKiB { try db.execute(sql: "PRAGMA cache_size = -\(cacheKiB)") }
            if let checkpointPages { try db.execute(sql: "PRAGMA wal_autocheckpoint = \(checkpointPages)") }
        }
        queue = try DatabaseQueue(path: path, configuration: configuration)
        // As a replica's: after GRDB's WAL set-up, which sets NORMAL.
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = \(durability.synchronousPragma)") }
        try queue.write { db in
            for kind in RecordKind.allCases { try db.execute(sql: ReplicaSchema.recordTableSQL(kind, withClock: false)) }
        }
    }

    /// Writes the WAL back into the database file and empties it.
    func checkpoint() throws {
        try queue.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }

    /// Starts recording every change.
    func startRecording() throws {
        try queue.inDatabase { db in
            var started: OpaquePointer?
            guard fagu_session_start(db.sqliteConnection, &started) == 0, let started else {
                throw BenchmarkFailure(message: "SQLite's session extension is not available")
            }
            session = started
        }
    }

    /// Writes `operations` in transactions of `batch`, with prepared statements.
    func write(_ operations: ArraySlice<DistrictDay.Operation>, batch: Int) throws {
        for start in stride(from: operations.startIndex, to: operations.endIndex, by: batch) {
            try queue.write { db in
                for operation in operations[start..<min(start + batch, operations.endIndex)] {
                    let table = "\"\(operation.kind.tableName)\""
                    if operation.isUpdate {
                        let names = operation.fields.keys.sorted()
                        let statement = try db.cachedStatement(sql: "UPDATE \(table) SET "
                            + names.map { "\"\($0)\" = ?" }.joined(separator: ", ") + " WHERE id = ?")
                        try statement.execute(arguments: StatementArguments(
                            names.map { operation.fields[$0]!.benchmarkDatabaseValue } + [operation.id.benchmarkDatabaseValue]))
                    } else {
                        let names = operation.kind.fields.map(\.name)
                        let statement = try db.cachedStatement(sql: "INSERT INTO \(table) (id, "
                            + names.map { "\"\($0)\"" }.joined(separator: ", ") + ") VALUES ("
                            + Array(repeating: "?", count: names.count + 1).joined(separator: ", ") + ")")
                        try statement.execute(arguments: StatementArguments(
                            [operation.id.benchmarkDatabaseValue] + names.map { operation.fields[$0]?.benchmarkDatabaseValue ?? .null }))
                    }
                }
            }
        }
    }

    /// The changeset recorded so far, zlib'd (level 6, as the wire format); recording stops.
    func compressedChangeset() throws -> SessionChangeset {
        guard let session else { throw BenchmarkFailure(message: "not recording") }
        defer {
            fagu_session_end(session)
            self.session = nil
        }
        var size: Int32 = 0
        var buffer: UnsafeMutableRawPointer?
        guard fagu_session_changeset(session, &size, &buffer) == 0, let buffer else {
            throw BenchmarkFailure(message: "SQLite did not produce a changeset")
        }
        defer { fagu_session_free(buffer) }
        let bytes = [UInt8](UnsafeRawBufferPointer(start: buffer, count: Int(size)))
        var inserts: Int32 = 0, updates: Int32 = 0, deletes: Int32 = 0
        guard fagu_changeset_count(size, buffer, &inserts, &updates, &deletes) == 0 else {
            throw BenchmarkFailure(message: "SQLite could not read back its own changeset")
        }
        var length = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        guard compress2(&output, &length, bytes, uLong(bytes.count), 6) == Z_OK else {
            throw BenchmarkFailure(message: "zlib failed")
        }
        return SessionChangeset(compressed: Array(output[0..<Int(length)]), size: bytes.count,
                                rowChanges: Int(inserts + updates + deletes))
    }

    /// Inflates `compressed` and applies it in one transaction.
    func apply(compressed: [UInt8], size: Int) throws {
        var inflated = [UInt8](repeating: 0, count: size)
        var length = uLong(size)
        guard uncompress(&inflated, &length, compressed, uLong(compressed.count)) == Z_OK, Int(length) == size else {
            throw BenchmarkFailure(message: "zlib could not inflate the changeset")
        }
        try queue.inDatabase { db in
            let status = inflated.withUnsafeMutableBytes { buffer in
                fagu_changeset_apply(db.sqliteConnection, Int32(size), buffer.baseAddress)
            }
            guard status == 0 else { throw BenchmarkFailure(message: "sqlite3changeset_apply failed (\(status))") }
        }
    }

    /// How many rows all tables hold.
    func rowCount() throws -> Int {
        try queue.read { db in
            try RecordKind.allCases.reduce(0) { $0 + (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\($1.tableName)\"") ?? 0) }
        }
    }
}
