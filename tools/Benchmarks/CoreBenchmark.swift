import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguWire
import Foundation
import GRDB

/// The replica core against SQLite's session extension, on the same generated district day
/// in the same process: both sides write their half of the day, encode what the other lacks,
/// and merge the other's changes. Every figure that depends on the machine is a ratio
/// against the session extension or a time per record operation.
struct CoreBenchmark {
    /// New records in the day (updates come on top: 40% as many).
    let records: Int
    let batchSize = 1_000

    /// Whole runs on fresh files; each time is the best of them (these machines are shared,
    /// and their disks' fsync times vary).
    let rounds: Int

    /// The change-set format the files are written in (the current one unless told).
    var version = ChangeSetVersion.current

    /// The times and sizes of one run.
    struct Figures {
        var sessionWrite = 0.0, faguWrite = 0.0, sessionEncode = 0.0, faguEncode = 0.0
        var sessionMerge = 0.0, sessionDefaultMerge = 0.0, faguMerge = 0.0, decode = 0.0, readAll = 0.0
        /// Transactions of 1,000 against one: Fagu's replicas at FULL and NORMAL, and in a field
        /// device's 4 KiB pages; the same rows in plain SQLite at FULL and NORMAL.
        var fagu = BatchTimes(), faguNormal = BatchTimes(), faguDevicePages = BatchTimes()
        var plain = BatchTimes(), plainNormal = BatchTimes()
        /// CPU time of both merges, every thread of the process counted.
        var sessionMergeCPU = 0.0, faguMergeCPU = 0.0
        var bytes = 0, sessionBytes = 0, applied = 0, logBytes = 0, sessionRowChanges = 0

        /// The pointwise best of two runs.
        func best(_ other: Figures) -> Figures {
            var best = self
            best.sessionWrite = min(sessionWrite, other.sessionWrite)
            best.faguWrite = min(faguWrite, other.faguWrite)
            best.sessionEncode = min(sessionEncode, other.sessionEncode)
            best.faguEncode = min(faguEncode, other.faguEncode)
            best.sessionMerge = min(sessionMerge, other.sessionMerge)
            best.sessionDefaultMerge = min(sessionDefaultMerge, other.sessionDefaultMerge)
            best.faguMerge = min(faguMerge, other.faguMerge)
            best.decode = min(decode, other.decode)
            best.readAll = min(readAll, other.readAll)
            best.fagu = fagu.best(other.fagu)
            best.faguNormal = faguNormal.best(other.faguNormal)
            best.faguDevicePages = faguDevicePages.best(other.faguDevicePages)
            best.plain = plain.best(other.plain)
            best.plainNormal = plainNormal.best(other.plainNormal)
            best.sessionMergeCPU = min(sessionMergeCPU, other.sessionMergeCPU)
            best.faguMergeCPU = min(faguMergeCPU, other.faguMergeCPU)
            return best
        }
    }

    func run() throws -> String {
        let day = DistrictDay(records: records)
        var best: Figures?
        // Each round's merge ratio, both sides timed minutes apart: a slow spell of this
        // shared machine weighs on both, where the best of each side may come from different rounds.
        var mergeRatios: [Double] = []
        for _ in 0..<max(rounds, 1) {
            let figures = try round(day)
            best = best.map { $0.best(figures) } ?? figures
            mergeRatios.append(figures.faguMerge / figures.sessionMerge)
        }
        return report(day, best!, mergeRatios: mergeRatios)
    }

    private func round(_ day: DistrictDay) throws -> Figures {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fagu-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

        let (first, second) = try sides(day, path: path)
        // The baseline gets the same durability, page cache and page size as a replica, so the
        // two compare like for like; SQLite's defaults (a 2 MiB cache, 4 KiB pages) are
        // measured apart, for context.
        let cacheKiB = ReplicaConfiguration().cacheKiB
        let session = try SessionPair(day, batch: batchSize, paths: (path("session-first.sqlite"), path("session-second.sqlite")),
                                      cacheKiB: cacheKiB, pageBytes: Replica.databasePageSize, checkpointPages: 8_192)

        // 1. Writing the day.
        let sessionWrite = try measure { try session.writeDay() }
        let faguWrite = try measure {
            try write(day.first, to: first, batch: batchSize)
            try write(day.second, to: second, batch: batchSize)
        }

        // 2. What each side sends the other.
        var changesets: [SessionChangeset] = []
        let sessionEncode = try measure {
            changesets = try session.changesets()
        }
        var files: [[UInt8]] = []
        let faguEncode = try measure {
            files = [try file(from: first, to: second), try file(from: second, to: first)]
        }
        if let keep = ProcessInfo.processInfo.environment["FAGU_BENCH_FILES"] {
            // The day's two files and the two zlib'd session changesets, to study their layout.
            for (index, file) in files.enumerated() {
                try Data(file).write(to: URL(fileURLWithPath: keep).appendingPathComponent("core-\(index + 1).fagu"))
                try Data(changesets[index].compressed).write(to: URL(fileURLWithPath: keep)
                    .appendingPathComponent("session-\(index + 1).zlib"))
            }
        }

        // 3. Merging both ways: inflate, decode, apply. Fagu's replica applies each file's
        // groups as a second thread reads them (`ChangeSetDecoder.stream`). Every side starts
        // with its WAL in its file, so neither merge pays a checkpoint the day's writes owe.
        for replica in [first, second] { try replica.checkpoint() }
        try session.checkpoint()
        var sessionMergeCPU = 0.0, faguMergeCPU = 0.0
        let sessionMerge = try measure(cpu: &sessionMergeCPU) { try session.merge(changesets) }
        var applied = 0
        let faguMerge = try measure(cpu: &faguMergeCPU) {
            for (file, target) in zip(files, [second, first]) {
                applied += try target.apply(try ChangeSetDecoder().stream(file)).appliedChanges
            }
        }
        try CoreBenchmark.checkConverged(first, second, session.first, session.second)
        // Decoding alone, on this thread, for the figure: the merge above overlapped it.
        let decodeSeconds = try measure {
            for file in files { _ = try ChangeSetDecoder().decode(file) }
        }

        // 4. Transactions of 1,000 against one transaction, per operation.
        // A commit leaves its pages in the WAL; the checkpoint that writes them into the file
        // comes later (every 8,192 pages, or at close): the settled times count it.
        let fagu = try faguWrites(day, configuration: ReplicaConfiguration(), name: "full", path: path)
        // In files of a field device's page size (`FieldReplica.pageBytes`), which writes a
        // record or two per commit.
        let faguDevicePages = try faguWrites(day, configuration: ReplicaConfiguration(pageBytes: FieldReplica.pageBytes),
                                             name: "device-pages", path: path)
        // With WAL synchronous=NORMAL, where a commit does not wait for the disk.
        let faguNormal = try faguWrites(day, configuration: ReplicaConfiguration(durability: .normal), name: "normal", path: path)
        // Plain SQLite's own ratio, at both durabilities.
        let plain = try plainWrites(day, durability: .full, path: path)
        let plainNormal = try plainWrites(day, durability: .normal, path: path)

        // 5. Reading every record back.
        var read = 0
        let readAll = try measure {
            for kind in RecordKind.allCases { read += try second.records(kind).count }
        }
        guard read == day.records + day.shared.count else {
            throw BenchmarkFailure(message: "read \(read) records back, not \(day.records + day.shared.count)")
        }
        // Last: it writes a whole day again, which must not load the disk under the timings above.
        let sessionDefaultMerge = try sessionMergeWithDefaults(day, path: path)

        return Figures(sessionWrite: sessionWrite, faguWrite: faguWrite, sessionEncode: sessionEncode, faguEncode: faguEncode,
                       sessionMerge: sessionMerge, sessionDefaultMerge: sessionDefaultMerge, faguMerge: faguMerge, decode: decodeSeconds, readAll: readAll,
                       fagu: fagu, faguNormal: faguNormal, faguDevicePages: faguDevicePages, plain: plain, plainNormal: plainNormal,
                       sessionMergeCPU: sessionMergeCPU, faguMergeCPU: faguMergeCPU,
                       bytes: files.reduce(0) { $0 + $1.count },
                       sessionBytes: changesets.reduce(0) { $0 + $1.compressed.count }, applied: applied,
                       logBytes: try first.changeLogSize().bytes, sessionRowChanges: changesets.reduce(0) { $0 + $1.rowChanges })
    }

    /// Fagu's replicas made with `configuration` write the first side's half of the day in
    /// one transaction and in transactions of 1,000 (or `batch`), after both wrote the shared cases.
    func faguWrites(_ day: DistrictDay, configuration: ReplicaConfiguration, name: String,
                    path: (String) -> String, batch: Int? = nil) throws -> BatchTimes {
        func replica(_ role: String) throws -> Replica {
            let replica = try Replica.create(at: path("\(role)-\(name).sqlite"), id: .random(), author: "a017", configuration: configuration)
            try write(day.shared, to: replica, batch: batchSize)
            return replica
        }
        let single = try replica("single"), batched = try replica("batched")
        return try BatchTimes.measuring(one: { try write(day.first, to: single, batch: day.first.count) },
                                        thousands: { try write(day.first, to: batched, batch: batch ?? batchSize) },
                                        settlingOne: { try single.checkpoint() }, settlingThousands: { try batched.checkpoint() })
    }

    /// The same rows into plain SQLite tables (no recording), with `durability`: what SQLite
    /// itself pays for committing every 1,000 operations (or `batch`), to read Fagu's ratio against.
    func plainWrites(_ day: DistrictDay, durability: ReplicaConfiguration.Durability, path: (String) -> String,
                     batch: Int? = nil) throws -> BatchTimes {
        func database(_ name: String) throws -> SessionDatabase {
            let database = try SessionDatabase(path: path("plain-\(name)-\(durability.rawValue).sqlite"),
                                               cacheKiB: ReplicaConfiguration().cacheKiB, pageBytes: Replica.databasePageSize,
                                               checkpointPages: 8_192, durability: durability)
            try database.write(day.shared[...], batch: batchSize)
            return database
        }
        let single = try database("single"), batched = try database("batched")
        return try BatchTimes.measuring(one: { try single.write(day.first[...], batch: day.first.count) },
                                        thousands: { try batched.write(day.first[...], batch: batch ?? batchSize) },
                                        settlingOne: { try single.checkpoint() }, settlingThousands: { try batched.checkpoint() })
    }

    /// One writer's transactions-of-1,000 ratios at FULL and at NORMAL, each as written and
    /// settled, under keys that start with `prefix`.
    private func batchRatios(_ prefix: String, full: BatchTimes, normal: BatchTimes) -> [(String, String)] {
        [("\(prefix)batch_1000_vs_single_ratio", format(full.ratio, 2)),
         ("\(prefix)batch_1000_vs_single_settled_ratio", format(full.settledRatio, 2)),
         ("\(prefix)batch_1000_vs_single_ratio_wal_normal", format(normal.ratio, 2)),
         ("\(prefix)batch_1000_vs_single_settled_ratio_wal_normal", format(normal.settledRatio, 2))]
    }

    private func report(_ day: DistrictDay, _ best: Figures, mergeRatios: [Double]) -> String {
        let (sessionWrite, faguWrite, sessionEncode, faguEncode) = (best.sessionWrite, best.faguWrite, best.sessionEncode, best.faguEncode)
        let (sessionMerge, faguMerge, decodeSeconds, readAll) = (best.sessionMerge, best.faguMerge, best.decode, best.readAll)
        let (bytes, sessionBytes, applied) = (best.bytes, best.sessionBytes, best.applied)
        let operations = Double(day.operations)
        let figures: [(String, String)] = [
            ("rounds", "\(rounds)"),
            ("format", "\"\(version)\""),
            ("benchmark", "\"core\""),
            ("records", "\(day.records)"),
            ("operations", "\(day.operations)"),
            ("changes", "\(applied)"),
            ("session_write_s", format(sessionWrite, 3)),
            ("fagu_write_s", format(faguWrite, 3)),
            ("write_vs_session_ratio", format(faguWrite / sessionWrite, 2)),
            ("fagu_write_us_per_operation", format(faguWrite / operations * 1e6, 1)),
            ("session_encode_s", format(sessionEncode, 3)),
            ("fagu_encode_s", format(faguEncode, 3)),
            ("encode_vs_session_ratio", format(faguEncode / sessionEncode, 2)),
            ("session_merge_s", format(sessionMerge, 3)),
            ("fagu_merge_s", format(faguMerge, 3)),
            ("merge_vs_session_ratio", format(faguMerge / sessionMerge, 2)),
            ("merge_vs_session_round_ratios", "[" + mergeRatios.map { format($0, 2) }.joined(separator: ", ") + "]"),
            ("merge_vs_session_median_round_ratio", format(median(mergeRatios), 2)),
            ("session_merge_cpu_s", format(best.sessionMergeCPU, 3)),
            ("fagu_merge_cpu_s", format(best.faguMergeCPU, 3)),
            ("merge_vs_session_cpu_ratio", format(best.faguMergeCPU / best.sessionMergeCPU, 2)),
            ("session_defaults_merge_s", format(best.sessionDefaultMerge, 3)),
            ("merge_vs_session_defaults_ratio", format(faguMerge / best.sessionDefaultMerge, 2)),
            ("fagu_decode_s", format(decodeSeconds, 3)),
            ("fagu_merge_us_per_operation", format(faguMerge / operations * 1e6, 1)),
            ("session_row_changes", "\(best.sessionRowChanges)"),
            ("session_zlib_bytes", "\(sessionBytes)"),
            ("fagu_file_bytes", "\(bytes)"),
            ("bytes_vs_session_ratio", format(Double(bytes) / Double(sessionBytes), 3)),
        ] + batchRatios("", full: best.fagu, normal: best.faguNormal)
          + batchRatios("plain_sqlite_", full: best.plain, normal: best.plainNormal) + [
            ("batch_1000_vs_single_cpu_ratio", format(best.fagu.cpuRatio, 2)),
            ("batch_1000_vs_single_ratio_device_pages", format(best.faguDevicePages.ratio, 2)),
            ("plain_sqlite_one_transaction_s", format(best.plain.one, 3)),
            ("plain_sqlite_transactions_of_1000_s", format(best.plain.thousands, 3)),
            ("read_all_s", format(readAll, 3)),
            ("change_log_bytes_per_operation", format(Double(best.logBytes) / Double(day.operations + day.shared.count), 1)),
            ("one_transaction_s", format(best.fagu.one, 3)),
            ("transactions_of_1000_s", format(best.fagu.thousands, 3)),
            ("one_transaction_wal_normal_s", format(best.faguNormal.one, 3)),
            ("transactions_of_1000_wal_normal_s", format(best.faguNormal.thousands, 3)),
        ]
        return "{" + figures.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// The session baseline's merge time with SQLite's default page cache and page size: the
    /// day written, recorded and applied both ways as in the main measurement.
    private func sessionMergeWithDefaults(_ day: DistrictDay, path: (String) -> String) throws -> Double {
        let session = try SessionPair(day, batch: batchSize, paths: (path("default-first.sqlite"), path("default-second.sqlite")),
                                      cacheKiB: nil, pageBytes: nil)
        try session.writeDay()
        let changesets = try session.changesets()
        return try measure { try session.merge(changesets) }
    }

    /// The two replicas of a round, made at `path("first.sqlite")` and `path("second.sqlite")`,
    /// both holding the shared cases: where the day starts.
    func sides(_ day: DistrictDay, path: (String) -> String) throws -> (first: Replica, second: Replica) {
        let first = try Replica.create(at: path("first.sqlite"), id: ReplicaID("00000000-0000-4000-8000-00000000000a")!, author: "a017")
        let second = try Replica.create(at: path("second.sqlite"), id: ReplicaID("00000000-0000-4000-8000-00000000000b")!, author: "a018")
        try write(day.shared, to: first, batch: batchSize)
        try second.apply(first.delta(for: second.vectors(), scopes: first.scopes()))
        return (first, second)
    }

    /// Throws unless both replicas hold the same state after merging both ways, and both
    /// sides of the session baseline as many rows.
    static func checkConverged(_ first: Replica, _ second: Replica, _ sessionFirst: SessionDatabase,
                               _ sessionSecond: SessionDatabase) throws {
        let scopes = Array(Set(try first.scopes() + second.scopes())).sorted()
        guard try first.digest(scopes: scopes) == second.digest(scopes: scopes) else {
            throw BenchmarkFailure(message: "the two replicas did not converge")
        }
        guard try sessionFirst.rowCount() == sessionSecond.rowCount() else {
            throw BenchmarkFailure(message: "the session baseline did not converge")
        }
    }

    /// Writes `operations` through the public write path, `batch` per transaction.
    func write(_ operations: [DistrictDay.Operation], to replica: Replica, batch: Int) throws {
        for start in stride(from: 0, to: operations.count, by: batch) {
            try replica.write { transaction in
                for operation in operations[start..<min(start + batch, operations.count)] {
                    if operation.isUpdate {
                        try transaction.update(operation.kind, id: operation.id, fields: operation.fields)
                    } else {
                        try transaction.insert(operation.kind, id: operation.id, fields: operation.fields)
                    }
                }
            }
        }
    }

    /// The change-set file of what `source` holds and `target` lacks.
    func file(from source: Replica, to target: Replica) throws -> [UInt8] {
        let scopes = try source.scopes()
        let groups = try source.delta(for: target.vectors(scopes: scopes), scopes: scopes)
        let header = ChangeSetHeader(sender: source.id, district: "浦东新区", scopes: scopes,
                                     vectors: try source.vectors(scopes: scopes), schemaVersion: ReplicaSchema.version,
                                     createdAt: source.now())
        return try ChangeSetEncoder.encode(header: header, groups: groups, version: version)
    }

    private func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
}

/// The benchmark's own check failed.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

extension FieldValue {
    var benchmarkDatabaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let value): value.databaseValue
        case .real(let value): value.databaseValue
        case .text(let value): value.databaseValue
        }
    }
}

extension RecordID {
    var benchmarkDatabaseValue: DatabaseValue {
        switch self {
        case .uuid(let uuid): withUnsafeBytes(of: uuid.uuid) { Data($0) }.databaseValue
        case .code(let code): code.databaseValue
        }
    }
}
