import FaguModel
import FaguStore
import FaguTesting
import Foundation
import GRDB

/// The replica core's benchmark: write-path overhead against plain SQLite inserts of the
/// same rows, merge throughput, and change-log bytes per change.
struct CoreBenchmark {
    /// How many field changes the day holds.
    let changes: Int
    let batchSize = 1_000
    let rounds = 3

    struct Row {
        var kind: RecordKind
        var id: RecordID
        var fields: [String: FieldValue]
    }

    func run() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fagu-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        // The day: log records, cases, and updates of case statuses, ~N field changes.
        var workload = Workload(seed: 7)
        var ids = SeededGenerator(seed: 11)
        var rows: [Row] = []
        var total = 0
        var time = Timestamp(milliseconds: 1_795_000_000_000)
        while total < changes * 4 / 5 {
            time = Timestamp(milliseconds: time.milliseconds + 1)
            let id = RecordID.version7(at: time, using: &ids)
            if rows.count % 5 == 4 {
                let fields = workload.caseRecord()
                rows.append(Row(kind: .legalCase, id: id, fields: fields))
                total += fields.count
            } else {
                let record = workload.logRecord(id: id)
                rows.append(Row(kind: record.kind, id: id, fields: record.fields))
                total += record.fields.count
            }
        }
        let insertChanges = total
        let caseIDs = rows.filter { $0.kind == .legalCase }.map(\.id)
        var updates: [(RecordID, FieldValue)] = []
        while total < changes {
            updates.append((caseIDs[updates.count * 7919 % caseIDs.count], workload.caseStatus()))
            total += 1
        }

        // 1. Write overhead: the write path vs plain inserts of the same rows, same batching.
        var baselineBest = Double.infinity
        var writeBest = Double.infinity
        var source: Replica?
        for round in 0..<rounds {
            baselineBest = min(baselineBest, try plainInserts(rows, at: directory.appendingPathComponent("plain-\(round).sqlite").path))
            let replica = try Replica.create(at: directory.appendingPathComponent("write-\(round).sqlite").path,
                                             id: ReplicaID("00000000-0000-4000-8000-00000000000a")!, author: "a017")
            writeBest = min(writeBest, try measure {
                for batch in stride(from: 0, to: rows.count, by: batchSize) {
                    try replica.write { transaction in
                        for row in rows[batch..<min(batch + batchSize, rows.count)] {
                            try transaction.insert(row.kind, id: row.id, fields: row.fields)
                        }
                    }
                }
            })
            source = replica
        }
        let replica = source!
        let updateSeconds = try measure {
            for batch in stride(from: 0, to: updates.count, by: batchSize) {
                try replica.write { transaction in
                    for (id, status) in updates[batch..<min(batch + batchSize, updates.count)] {
                        try transaction.update(.legalCase, id: id, fields: ["status": status])
                    }
                }
            }
        }

        // 2. Merge: the whole day into a fresh replica.
        let target = try Replica.create(at: directory.appendingPathComponent("merge.sqlite").path,
                                        id: ReplicaID("00000000-0000-4000-8000-00000000000b")!, author: "hub")
        let scopes = try replica.scopes()
        var groups: [ChangeGroup] = []
        let deltaSeconds = try measure { groups = try replica.delta(for: target.vectors(scopes: scopes), scopes: scopes) }
        let deltaChanges = groups.reduce(0) { $0 + $1.fields.count }
        // New records first (their groups carry several fields), then the status updates.
        let creations = groups.filter { $0.fields.count > 1 }
        let updateGroups = groups.filter { $0.fields.count == 1 }
        var report = ApplyReport()
        var applied = 0
        let mergeCreationSeconds = try measure { report = try target.apply(creations) }
        applied += report.appliedChanges
        let mergeUpdateSeconds = try measure { report = try target.apply(updateGroups) }
        applied += report.appliedChanges
        let mergeSeconds = mergeCreationSeconds + mergeUpdateSeconds
        let creationChanges = creations.reduce(0) { $0 + $1.fields.count }
        guard applied == deltaChanges, try target.digest(scopes: scopes) == replica.digest(scopes: scopes) else {
            throw BenchmarkFailure(message: "merge did not converge: applied \(applied) of \(deltaChanges)")
        }

        // 3. Change-log size.
        let log = try replica.changeLogSize()

        let figures: [(String, String)] = [
            ("benchmark", "\"core\""),
            ("changes", "\(deltaChanges)"),
            ("records", "\(rows.count)"),
            ("insert_changes", "\(insertChanges)"),
            ("update_changes", "\(updates.count)"),
            ("batch_size", "\(batchSize)"),
            ("baseline_insert_rows_per_s", format(Double(rows.count) / baselineBest)),
            ("write_path_rows_per_s", format(Double(rows.count) / writeBest)),
            ("write_overhead_ratio", format(writeBest / baselineBest, digits: 3)),
            ("update_changes_per_s", format(Double(updates.count) / updateSeconds)),
            ("delta_changes_per_s", format(Double(deltaChanges) / deltaSeconds)),
            ("merge_changes_per_s", format(Double(deltaChanges) / mergeSeconds)),
            ("merge_new_record_changes_per_s", format(Double(creationChanges) / mergeCreationSeconds)),
            ("merge_update_changes_per_s", format(Double(updateGroups.count) / mergeUpdateSeconds)),
            ("merge_new_records_vs_baseline_insert_ratio", format(mergeCreationSeconds / baselineBest, digits: 3)),
            ("change_log_bytes_per_change", format(Double(log.bytes) / Double(log.changes), digits: 2)),
            ("change_log_payload_bytes_per_change", format(Double(log.payloadBytes) / Double(log.changes), digits: 2)),
        ]
        return "{" + figures.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// Inserts `rows` into plain tables of the same shape and indexes as the replica's,
    /// without any sync bookkeeping, batched the same way; returns the seconds taken.
    private func plainInserts(_ rows: [Row], at path: String) throws -> Double {
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        let database = try DatabaseQueue(path: path, configuration: configuration)
        try database.write { db in
            for kind in RecordKind.allCases {
                try db.execute(sql: ReplicaSchema.recordTableSQL(kind, withClock: false))
            }
        }
        let statements: [RecordKind: String] = Dictionary(uniqueKeysWithValues: RecordKind.allCases.map { kind in
            let names = kind.fields.map { "\"\($0.name)\"" }.joined(separator: ", ")
            let marks = Array(repeating: "?", count: kind.fields.count + 1).joined(separator: ", ")
            return (kind, "INSERT INTO \"\(kind.tableName)\" (id, \(names)) VALUES (\(marks))")
        })
        return try measure {
            for batch in stride(from: 0, to: rows.count, by: batchSize) {
                try database.write { db in
                    for row in rows[batch..<min(batch + batchSize, rows.count)] {
                        var values: [DatabaseValue] = [row.id.benchmarkDatabaseValue]
                        for spec in row.kind.fields {
                            values.append(row.fields[spec.name]?.benchmarkDatabaseValue ?? .null)
                        }
                        try db.cachedStatement(sql: statements[row.kind]!).execute(arguments: StatementArguments(values))
                    }
                }
            }
        }
    }

    private func measure(_ body: () throws -> Void) throws -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private func format(_ value: Double, digits: Int = 0) -> String {
        String(format: "%.\(digits)f", value)
    }
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
