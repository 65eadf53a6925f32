import FaguMerge
import FaguModel
import Foundation
import GRDB

extension Replica {
    /// Opens an existing replica file for reading only: no migration, no write, no lock held
    /// beyond SQLite's readers' share, so it can run beside a live writer (`fagu-hub serve`).
    ///
    /// - Throws: ``ReplicaError`` when the file is missing, is not a replica, or was written
    ///   by another schema version than this code's (open it once with ``open(at:schema:configuration:)``).
    public static func openReadOnly(at path: String, schema: Schema) throws -> Replica {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ReplicaError(.incompatibleReplica, "no replica at \(path)")
        }
        var config = Configuration()
        config.readonly = true
        // ``inSnapshot(_:)`` holds one read transaction across several accesses.
        config.allowsUnsafeTransactions = true
        config.busyMode = .timeout(15)
        let database = try DatabaseQueue(path: path, configuration: config)
        let (id, author, version): (ReplicaID?, String?, Int?) = try database.read { db in
            guard try db.tableExists("replica_meta") else { return (nil, nil, nil) }
            func meta(_ key: String) throws -> String? {
                try String.fetchOne(db, sql: "SELECT value FROM replica_meta WHERE key = ?", arguments: [key])
            }
            return (try meta("replica_id").flatMap(ReplicaID.init), try meta("author"), try meta("schema_version").flatMap { Int($0) })
        }
        guard let id, let author else { throw ReplicaError(.incompatibleReplica, "\(path) is not a Fagu replica") }
        guard version == ReplicaSchema.version else {
            throw ReplicaError(.incompatibleReplica, "\(path) has schema version \(version ?? 0), this Fagu reads "
                               + "\(ReplicaSchema.version): open it once with the tool that owns it to migrate it")
        }
        return Replica(readOnly: database, path: path, id: id, author: author, schema: schema)
    }

    /// Checks the file against itself and reports every problem found (none when sound):
    /// SQLite's integrity check; every origin's log in every scope complete from counter 1
    /// and its hash chain intact; the version vectors equal to the log's maxima; and every
    /// record's state equal to what replaying the whole log into a scratch replica (made in
    /// `scratchDirectory`, then removed) gives.
    public func verify(scratchDirectory: String) throws -> [ReplicaProblem] {
        // One snapshot for every check, so a hub that goes on syncing meanwhile is not seen
        // half before and half after a write.
        try inSnapshot {
            var problems = try integrityProblems()
            problems += try logProblems()
            problems += try replayProblems(scratchDirectory: scratchDirectory)
            return problems
        }
    }

    /// Runs `body`, whose reads of this replica all see one snapshot of the file: what
    /// another process commits meanwhile is invisible to it. In WAL mode this blocks no
    /// writer. On a replica opened for writing, `body` simply runs.
    public func inSnapshot<T>(_ body: () throws -> T) throws -> T {
        // A writable replica is this process's own: its writes are serialized with the reads.
        guard isReadOnly else { return try body() }
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN DEFERRED")
            // A deferred transaction takes its snapshot at its first read.
            _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM replica_meta")
        }
        do {
            let result = try body()
            try database.writeWithoutTransaction { db in try db.execute(sql: "COMMIT") }
            return result
        } catch {
            try database.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
            throw error
        }
    }

    /// SQLite's `PRAGMA integrity_check`, one problem per line it reports.
    public func integrityProblems() throws -> [ReplicaProblem] {
        try database.read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }.map {
                ReplicaProblem(.integrity, detail: $0)
            }
        }
    }

    /// Gaps and broken hashes in each origin's chain of groups, and vectors that disagree
    /// with the log.
    public func logProblems() throws -> [ReplicaProblem] {
        try read { context in
            var problems: [ReplicaProblem] = []
            var maxima: [ScopeID: [ReplicaID: UInt64]] = [:]
            let names = Dictionary(uniqueKeysWithValues: context.knownScopes.compactMap { scope in
                context.existingNumber(of: scope).map { ($0, scope) }
            })
            var chain: (scope: Int, origin: Int)?
            var expected: UInt64 = 1
            var previousHash = GroupHash.genesis
            try context.forEachLoggedRun { scopeNumber, originNumber, runFirst, entries, summaryAgrees in
                let origin: ReplicaID
                do { origin = try context.replica(numbered: originNumber) } catch {
                    problems.append(ReplicaProblem(.unreadableLogRow, counter: runFirst,
                                                   detail: "a change-log run names origin \(originNumber), which is not registered"))
                    return
                }
                guard let scope = names[scopeNumber] else {
                    problems.append(ReplicaProblem(.unreadableLogRow, counter: runFirst,
                                                   detail: "a change-log run names scope \(scopeNumber), which is not registered"))
                    return
                }
                guard let entries else {
                    problems.append(ReplicaProblem(.unreadableLogRow, scope: scope.name, origin: origin.description, counter: runFirst,
                                                   detail: "the change-log run of \(origin) in \(scope.name) from \(runFirst) is unreadable"))
                    return
                }
                if !summaryAgrees() {
                    problems.append(ReplicaProblem(.unreadableLogRow, scope: scope.name, origin: origin.description, counter: runFirst,
                                                   detail: "the change-log run of \(origin) in \(scope.name) from \(runFirst) has summary "
                                                   + "columns (last counter, hash, counts or kinds) that disagree with its groups"))
                }
                // A run holds one origin's groups in one scope: a new chain starts with a run.
                if chain.map({ $0 != (scopeNumber, originNumber) }) ?? true {
                    chain = (scopeNumber, originNumber)
                    expected = 1
                    previousHash = GroupHash.genesis
                }
                for entry in entries {
                    let first = entry.first
                    let storedHash = entry.hash
                    if first != expected {
                        problems.append(ReplicaProblem(.logGap, scope: scope.name, origin: origin.description, counter: expected,
                                                       detail: "counters \(expected)–\(first - 1) of \(origin) in \(scope.name) are missing from the log"))
                        // The chain cannot be checked across the gap; go on from this group's hash.
                        previousHash = storedHash ?? GroupHash.genesis
                        expected = entry.last + 1
                        maxima[scope, default: [:]][origin] = entry.last
                        continue
                    }
                    expected = entry.last + 1
                    maxima[scope, default: [:]][origin] = entry.last
                    do {
                        var group = try context.group(from: entry, origin: originNumber, scope: scope)
                        // A set-aside group keeps only its dots and hash: nothing to recompute.
                        if group.setAside == nil, let storedHash {
                            group.previousHash = previousHash
                            let computed = GroupHash.of(group)
                            if computed != storedHash {
                                problems.append(ReplicaProblem(.chainBroken, scope: scope.name, origin: origin.description, counter: first,
                                                               records: ["\(group.kind.rawValue) \(group.record)"],
                                                               detail: "the group at \(origin):\(first) in \(scope.name) does not hash to its stored chain hash"))
                            }
                        }
                    } catch {
                        problems.append(ReplicaProblem(.unreadableLogRow, scope: scope.name, origin: origin.description, counter: first,
                                                       detail: "\(error)"))
                    }
                    previousHash = storedHash ?? GroupHash.genesis
                }
            }
            for scope in context.knownScopes {
                let vector = try context.vector(of: scope)
                let held = maxima[scope] ?? [:]
                for (origin, counter) in vector.sortedEntries where counter > held[origin] ?? 0 {
                    problems.append(ReplicaProblem(.vectorAhead, scope: scope.name, origin: origin.description, counter: counter,
                                                   detail: "the version vector of \(scope.name) counts \(origin) to \(counter), the log only to \(held[origin] ?? 0)"))
                }
                for (origin, counter) in held.sorted(by: { $0.key < $1.key }) where counter > vector[origin] {
                    problems.append(ReplicaProblem(.vectorBehind, scope: scope.name, origin: origin.description, counter: counter,
                                                   detail: "the log of \(scope.name) holds \(origin) to \(counter), the version vector counts only to \(vector[origin])"))
                }
            }
            return problems
        }
    }

    /// Replays the whole change log into a scratch replica and compares, scope by scope,
    /// the state digests; where they differ, names the records whose stored state differs.
    public func replayProblems(scratchDirectory: String) throws -> [ReplicaProblem] {
        let path = (scratchDirectory as NSString).appendingPathComponent("replay-\(UUID().uuidString).sqlite")
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let scratch = try Replica.create(at: path, id: .random(), author: "fagu-doctor", schema: schema,
                                         configuration: ReplicaConfiguration(durability: .none))
        defer { try? scratch.close() }
        let scopes = try self.scopes()
        do {
            let report = try scratch.apply(delta(for: ScopeVectors(), scopes: scopes))
            if report.heldBackGroups > 0 {
                return [ReplicaProblem(.replayFailed, detail: "replaying the log held back \(report.heldBackGroups) groups: "
                                       + "the log lacks what they depend on")]
            }
        } catch {
            return [ReplicaProblem(.replayFailed, detail: "replaying the log failed: \(error)")]
        }
        var problems: [ReplicaProblem] = []
        for scope in scopes where try digest(scopes: [scope]) != scratch.digest(scopes: [scope]) {
            var differing: [String] = []
            for kind in schema.kinds(in: scope) {
                let held = Dictionary(try records(kind).filter { $0.scope == scope }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                let replayed = Dictionary(try scratch.records(kind).filter { $0.scope == scope }.map { ($0.id, $0) },
                                          uniquingKeysWith: { a, _ in a })
                for id in Set(held.keys).union(replayed.keys).sorted() where held[id]?.registers != replayed[id]?.registers {
                    differing.append("\(kind.rawValue) \(id)")
                }
            }
            problems.append(ReplicaProblem(.stateDiffers, scope: scope.name, records: Array(differing.prefix(20)),
                                           detail: "\(differing.count) record(s) in \(scope.name) differ from what the change log gives"))
        }
        return problems
    }
}

extension Replica {
    /// The received groups held back until what they depend on arrives, each with the dots
    /// it still waits for.
    public func heldBackGroups() throws -> [(group: ChangeGroup, missing: [Dot])] {
        try read { context in
            var held: [(group: ChangeGroup, missing: [Dot])] = []
            for scope in context.knownScopes {
                let groups = try context.pendingGroups(in: scope)
                guard !groups.isEmpty else { continue }
                held += CausalSchedule(groups: groups, vector: try context.vector(of: scope)).waiting
            }
            return held
        }
    }
}

extension Replica {
    /// Copies this replica into a new file at `path` (readable by its owner only) with
    /// SQLite's online backup, a consistent copy even while writers go on, adds `metadata`
    /// to the copy, and checks it: SQLite's integrity check and every chain and vector.
    ///
    /// - Throws: ``ReplicaError`` when `path` exists, or the copy does not check out (it is
    ///   then removed).
    public func backup(to path: String, metadata: [String: String] = [:]) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw ReplicaError(.incompatibleReplica, "\(path) already exists; choose another name")
        }
        guard PrivateFile.create(path) else { throw ReplicaError(.incompatibleReplica, "cannot create \(path)") }
        do {
            let copy = try DatabaseQueue(path: path)
            try database.backup(to: copy)
            try copy.write { db in
                for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
                    try db.execute(sql: "INSERT OR REPLACE INTO replica_meta (key, value) VALUES (?, ?)", arguments: [key, value])
                }
            }
            try copy.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            try copy.close()
            let check = try Replica.openReadOnly(at: path, schema: schema)
            let problems = try check.inSnapshot { try check.integrityProblems() + check.logProblems() }
            try check.database.close()
            if let first = problems.first {
                throw ReplicaError(.corrupt, "the copy at \(path) does not check out: \(first.detail)")
            }
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
    }
}
