import FaguDomain
import FaguModel
import FaguStore
import FaguTesting
import FaguWire
import Foundation
import GRDB

/// The wire format's size on a realistic day, against SQLite's own session changeset of
/// the same writes compressed with the same zlib.
struct WireBenchmark {
    let logs = 8_000
    let cases = 2_000
    let updates = 5_000

    typealias Write = DistrictDay.Operation

    func run() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fagu-bench-wire-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        // The day: 8,000 logs, 2,000 cases, then 5,000 field updates of cases.
        var workload = Workload(seed: 21, communities: ["c01", "c02", "c03"])
        var ids = SeededGenerator(seed: 5)
        var writes: [Write] = []
        var time = Timestamp(milliseconds: 1_795_000_000_000)
        func nextID() -> RecordID {
            time = Timestamp(milliseconds: time.milliseconds + 1)
            return RecordID.version7(at: time, using: &ids)
        }
        for index in 0..<(logs + cases) {
            let id = nextID()
            if index % 5 == 4 {
                writes.append(Write(kind: .legalCase, id: id, fields: workload.caseRecord(), isUpdate: false))
            } else {
                let record = workload.logRecord(id: id)
                writes.append(Write(kind: record.kind, id: id, fields: record.fields, isUpdate: false))
            }
        }
        let caseIDs = writes.filter { $0.kind == .legalCase }.map(\.id)
        for index in 0..<updates {
            let fields: [String: FieldValue] = index % 3 == 0
                ? ["title": .text(SampleText.text(characters: 20, using: &ids))]
                : ["status": workload.caseStatus()]
            writes.append(Write(kind: .legalCase, id: caseIDs[index * 7919 % caseIDs.count], fields: fields, isUpdate: true))
        }
        let operations = writes.count

        // Fagu: the day through the write path, then one change-set file of all of it.
        let replica = try Replica.create(at: directory.appendingPathComponent("replica.sqlite").path, id: .random(), author: "a017",
                                         configuration: ReplicaConfiguration(durability: .none))
        for batch in stride(from: 0, to: writes.count, by: 1_000) {
            try replica.write { transaction in
                for write in writes[batch..<min(batch + 1_000, writes.count)] {
                    if write.isUpdate {
                        try transaction.update(write.kind, id: write.id, fields: write.fields)
                    } else {
                        try transaction.insert(write.kind, id: write.id, fields: write.fields)
                    }
                }
            }
        }
        let scopes = try replica.scopes()
        let groups = try replica.delta(for: ScopeVectors(), scopes: scopes)
        let header = ChangeSetHeader(sender: replica.id, district: "浦东新区", scopes: scopes,
                                     vectors: try replica.vectors(scopes: scopes), schemaVersion: 1, createdAt: time)
        let file = try ChangeSetEncoder.encode(header: header, groups: groups)
        let decoded = try ChangeSetDecoder().decode(file)
        guard decoded.groups == groups else { throw BenchmarkFailure(message: "the change set did not round-trip") }
        let changes = groups.reduce(0) { $0 + $1.fields.count }

        // SQLite's session extension on plain tables, the same writes.
        let session = try sessionChangeset(writes, at: directory.appendingPathComponent("session.sqlite").path)
        let sessionCompressed = session.compressed

        let ours = Double(file.count)
        // The same comparison without the day's updates, which the session folds into its
        // inserts (keeping only final values) while a change set carries each one.
        let creations = groups.filter { group in group.fields.contains { $0.field == "community_id" } }
        guard creations.count == logs + cases else { throw BenchmarkFailure(message: "the day's creations were miscounted") }
        let creationsFile = try ChangeSetEncoder.encode(header: header, groups: creations)
        let sessionInserts = try sessionChangeset(writes.filter { !$0.isUpdate },
                                                  at: directory.appendingPathComponent("inserts.sqlite").path).compressed
        let figures: [(String, String)] = [
            ("benchmark", "\"wire\""),
            ("records", "\(logs + cases)"),
            ("operations", "\(operations)"),
            ("changes", "\(changes)"),
            ("file_bytes", "\(file.count)"),
            ("body_bytes", "\(decoded.bodyBytes)"),
            ("zlib_bytes_per_change", String(format: "%.2f", ours / Double(changes))),
            ("zlib_bytes_per_operation", String(format: "%.2f", ours / Double(operations))),
            ("uncompressed_body_bytes_per_change", String(format: "%.2f", Double(decoded.bodyBytes) / Double(changes))),
            ("session_changeset_bytes", "\(session.size)"),
            ("session_zlib_bytes", "\(sessionCompressed)"),
            ("session_zlib_bytes_per_operation", String(format: "%.2f", Double(sessionCompressed) / Double(operations))),
            ("zlib_bytes_vs_session_ratio", String(format: "%.3f", ours / Double(sessionCompressed))),
            ("inserts_only_file_bytes", "\(creationsFile.count)"),
            ("inserts_only_session_zlib_bytes", "\(sessionInserts)"),
            ("inserts_only_vs_session_ratio", String(format: "%.3f", Double(creationsFile.count) / Double(sessionInserts))),
            ("update_bytes_per_update", String(format: "%.2f", Double(file.count - creationsFile.count) / Double(updates))),
        ]
        return "{" + figures.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// The changeset SQLite's session extension records for `writes` on plain tables:
    /// its size, and its size zlib'd.
    private func sessionChangeset(_ writes: [Write], at path: String) throws -> (size: Int, compressed: Int) {
        let database = try SessionDatabase(path: path, cacheKiB: nil, pageBytes: nil)
        try database.startRecording()
        try database.write(writes[...], batch: 1_000)
        let changeset = try database.compressedChangeset()
        return (changeset.size, changeset.compressed.count)
    }
}
