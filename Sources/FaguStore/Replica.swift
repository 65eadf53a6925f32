import FaguMerge
import FaguModel
import Foundation
import GRDB

/// A local SQLite replica: the records it may see and the sync metadata that goes with them.
///
/// Every write goes through ``write(_:)``, which commits the new state and the changes that
/// describe it in one SQLite transaction. Changes from other replicas arrive through
/// ``apply(_:)``; what a peer lacks comes from ``delta(for:scopes:)``.
///
/// ```swift
/// let replica = try Replica.create(at: path, id: .random(), author: "a017")
/// let id = try replica.write { try $0.insert(visit) }
/// ```
public final class Replica: Sendable {
    /// This replica's id.
    public let id: ReplicaID
    /// Who this replica's writes are by (an adviser id, `office:c01`, `hub`).
    public let author: String
    /// The SQLite file.
    public let path: String
    let database: DatabaseQueue
    let configuration: ReplicaConfiguration
    let tables: KindTables
    /// Whether the connection was opened read-only (``openReadOnly(at:schema:)``).
    let isReadOnly: Bool
    /// What the last write transaction knew as it committed (``write(at:_:)``).
    let lastCommitted = CommittedStateSlot()

    /// The kinds of record this replica keeps.
    public var schema: Schema { tables.schema }

    private init(database: DatabaseQueue, path: String, id: ReplicaID, author: String, schema: Schema,
                 configuration: ReplicaConfiguration, isReadOnly: Bool = false) {
        self.database = database
        self.isReadOnly = isReadOnly
        self.tables = KindTables(schema)
        self.path = path
        self.id = id
        self.author = author
        self.configuration = configuration
    }

    /// A replica over a connection opened read-only.
    convenience init(readOnly database: DatabaseQueue, path: String, id: ReplicaID, author: String, schema: Schema) {
        self.init(database: database, path: path, id: id, author: author, schema: schema, configuration: ReplicaConfiguration(),
                  isReadOnly: true)
    }

    /// Creates a new replica file at `path` keeping the kinds of `schema`.
    ///
    /// - Throws: ``ReplicaError`` when a file is already there.
    public static func create(at path: String, id: ReplicaID, author: String, schema: Schema,
                              configuration: ReplicaConfiguration = ReplicaConfiguration()) throws -> Replica {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw ReplicaError(.incompatibleReplica, "a file already exists at \(path)")
        }
        if let pageBytes = configuration.pageBytes, !(512...65_536).contains(pageBytes) || pageBytes & (pageBytes - 1) != 0 {
            throw ReplicaError(.invalidValue, "a page size of \(pageBytes) bytes: SQLite takes a power of two from 512 to 65,536")
        }
        // Residents' personal data: readable by its owner only from the first byte (SQLite
        // gives its -wal and -shm files the same mode).
        guard PrivateFile.create(path) else { throw ReplicaError(.incompatibleReplica, "cannot create \(path)") }
        let database = try openDatabase(path, configuration)
        try ReplicaSchema.migrator.migrate(database)
        try ReplicaSchema.declare(schema, in: database)
        try database.write { db in
            let insert = "INSERT INTO replica_meta (key, value) VALUES (?, ?)"
            try db.execute(sql: insert, arguments: ["replica_id", id.description])
            try db.execute(sql: insert, arguments: ["author", author])
            try db.execute(sql: "INSERT INTO origin (idx, replica_id) VALUES (1, ?)", arguments: [id.description])
        }
        return Replica(database: database, path: path, id: id, author: author, schema: schema, configuration: configuration)
    }

    /// Opens an existing replica file, migrating it to the current schema.
    ///
    /// - Throws: ``ReplicaError`` when the file is missing, is not a replica, or was written
    ///   by a newer schema.
    /// Its record tables are brought to `schema`: tables of new kinds created, appended
    /// fields added as columns.
    public static func open(at path: String, schema: Schema,
                            configuration: ReplicaConfiguration = ReplicaConfiguration()) throws -> Replica {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ReplicaError(.incompatibleReplica, "no replica at \(path)")
        }
        let database = try openDatabase(path, configuration)
        let migrator = ReplicaSchema.migrator
        let (id, author): (ReplicaID?, String?) = try database.read { db in
            guard try db.tableExists("replica_meta") else { return (nil, nil) }
            if try migrator.hasBeenSuperseded(db) { return (nil, "newer") }
            let id = try String.fetchOne(db, sql: "SELECT value FROM replica_meta WHERE key = 'replica_id'")
            let author = try String.fetchOne(db, sql: "SELECT value FROM replica_meta WHERE key = 'author'")
            return (id.flatMap(ReplicaID.init), author)
        }
        guard let id, let author else {
            if author == "newer" {
                throw ReplicaError(.incompatibleReplica, "\(path) was written by a newer Fagu; upgrade to open it")
            }
            throw ReplicaError(.incompatibleReplica, "\(path) is not a Fagu replica")
        }
        try migrator.migrate(database)
        try ReplicaSchema.declare(schema, in: database)
        return Replica(database: database, path: path, id: id, author: author, schema: schema, configuration: configuration)
    }

    private static func openDatabase(_ path: String, _ configuration: ReplicaConfiguration) throws -> DatabaseQueue {
        var config = Configuration()
        // A hub is opened by several processes at once (serve, merge, enroll): wait for the
        // lock rather than failing.
        config.busyMode = .timeout(15)
        config.journalMode = .wal
        let synchronous = configuration.durability.synchronousPragma
        let cacheKiB = configuration.cacheKiB
        let pageBytes = configuration.pageBytes ?? Replica.databasePageSize
        config.prepareDatabase { db in
            // Only a new file takes it (before its first page is written).
            try db.execute(sql: "PRAGMA page_size = \(pageBytes)")
            // A merge of a day's changes is one transaction: a page cache that holds its
            // working set keeps SQLite from spilling pages to the WAL and reading them back.
            try db.execute(sql: "PRAGMA cache_size = -\(cacheKiB)")
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
            // Checkpoint the WAL every 8,192 pages rather than SQLite's 1,000: at the 4 KiB
            // pages this was measured with (32 MiB rather than 4 MiB), a day written in
            // transactions of 1,000 rewrote the WAL into the file about once a transaction,
            // which made it 35-40% slower per operation than one transaction (tools/bench
            // core: batch_1000_vs_single_ratio 1.35-1.40 -> 1.08-1.36, noisy; write vs the
            // session extension 2.2 -> 1.7-1.9). At 16 KiB pages that is 128 MiB of WAL;
            // 2,048 pages (32 MiB) was tried there and measured no better (merge 1.77x,
            // 1.88x; transactions of 1,000 1.36x, 1.22x). These figures predate 6f2cdb6: the
            // replicas ran at NORMAL then (README, "Correction"). `close()` still truncates the WAL.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 8192")
        }
        let queue = try DatabaseQueue(path: path, configuration: config)
        // Set after the queue is open: GRDB's WAL set-up, which runs after `prepareDatabase`,
        // sets `synchronous = NORMAL` itself, so a pragma given there would be overridden and
        // `.full` would not wait for the disk.
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = \(synchronous)") }
        return queue
    }

    /// The page size of the replica files this release makes unless told otherwise
    /// (``ReplicaConfiguration/pageBytes``; a field device's are 4 KiB); a file keeps the size
    /// it was made with. 16 KiB rather than SQLite's 4 KiB: a day's merge, which inserts 200,000
    /// rows, runs about a fifth faster (`tools/bench core`, builds alternated: Fagu's merge
    /// 1.41–1.57 s against 1.80–2.32 s; `fagu-bench merge`: 8 KiB gained less, 32 KiB no
    /// more) — for files about a fifth larger, and every commit writes each page it touched
    /// whole, 16 KiB, to the WAL (what makes transactions of 1,000 cost more than one). The
    /// times were taken before 6f2cdb6, when replicas ran at NORMAL whatever their durability.
    public static let databasePageSize = 16_384

    /// How hard this replica's commits sync to disk, as its connection is set
    /// (``ReplicaConfiguration/durability``).
    public func durability() throws -> ReplicaConfiguration.Durability {
        let level = try database.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
        guard let durability = ReplicaConfiguration.Durability(synchronousLevel: level) else {
            throw ReplicaError(.incompatibleReplica, "\(path) commits with synchronous level \(level), which Fagu does not set")
        }
        return durability
    }

    /// The file's page size in bytes (``ReplicaConfiguration/pageBytes``).
    public func pageBytes() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0 }
    }

    /// The schema version recorded in the file.
    public func schemaVersion() throws -> Int {
        try database.read { db in
            try Int.fetchOne(db, sql: "SELECT value FROM replica_meta WHERE key = 'schema_version'") ?? 0
        }
    }

    /// The time now by this replica's clock (the system clock unless configured otherwise).
    public func now() -> Timestamp { configuration.clock.now() }

    /// A new record id for now (a version-7 UUID unless configured otherwise).
    public func newRecordID() -> RecordID {
        configuration.makeRecordID(configuration.clock.now())
    }

    /// Runs `body` in one write transaction: every record it writes and every change
    /// describing those writes commit together, or — when `body` or SQLite throws — none do.
    @discardableResult
    public func write<T>(_ body: (ReplicaTransaction) throws -> T) throws -> T {
        try write(at: nil, body)
    }

    /// ``write(_:)`` with every change of the transaction timed `time` rather than by the
    /// replica's clock: for an embedder that knows when the work was done (a form filled in
    /// offline and saved later) or keeps its own clock.
    @discardableResult
    public func write<T>(at time: Timestamp?, _ body: (ReplicaTransaction) throws -> T) throws -> T {
        let (result, state) = try database.write { db in
            let context = try TransactionContext(db, tables: tables, resuming: lastCommitted.take())
            let transaction = ReplicaTransaction(context: context, replica: self, time: time)
            let result = try body(transaction)
            try context.flush()
            return (result, context.committedState())
        }
        if let state { lastCommitted.keep(state) }
        return result
    }

    /// Reads inside one consistent snapshot.
    func read<T>(_ body: (TransactionContext) throws -> T) throws -> T {
        try database.read { db in try body(TransactionContext(db, tables: tables)) }
    }

    /// This replica's version vectors, for every scope it holds (or only `scopes`).
    public func vectors(scopes: [ScopeID]? = nil) throws -> ScopeVectors {
        try read { context in
            var vectors = ScopeVectors()
            for scope in scopes ?? context.knownScopes {
                vectors[scope] = try context.vector(of: scope)
            }
            return vectors
        }
    }

    /// The scopes this replica holds any change of, in canonical order.
    public func scopes() throws -> [ScopeID] {
        try read { $0.knownScopes }
    }
}

extension Replica {
    /// Writes the WAL back into the database file and closes the connection: after this the
    /// file may be moved. Any later use of this replica fails.
    public func close() throws {
        try checkpoint()
        try database.close()
    }

    /// Writes the WAL back into the database file and empties it, waiting for readers of
    /// other connections to finish: what a commit owes the file is then paid (before a
    /// backup or a timed run, say). Commits do this on their own every 8,192 pages. At
    /// ``ReplicaConfiguration/Durability/normal`` it is also what makes the commits so far
    /// survive a power cut: SQLite syncs the WAL before the copy and the file after it.
    public func checkpoint() throws {
        try database.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }
}
