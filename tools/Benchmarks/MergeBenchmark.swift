import FaguDomain
import FaguModel
import FaguStore
import FaguWire
import Foundation

/// The merge of `core` alone, timed again and again on the same day: a fixture of both
/// sides' databases and files is made once (or reused from a directory), and each
/// repetition merges both ways on fresh copies, the session's and Fagu's in turn. The
/// medians of many short repetitions tell two builds apart where single `core` runs,
/// minutes apart on this shared machine, differ by 10–30%.
struct MergeBenchmark {
    /// Where the fixture is kept between runs (made when missing).
    let fixture: URL
    /// New records in the day, when the fixture is made.
    let records: Int
    let repetitions: Int

    private static let names = ["first.sqlite", "second.sqlite", "session-first.sqlite", "session-second.sqlite"]

    func run() throws -> String {
        if !FileManager.default.fileExists(atPath: fixture.appendingPathComponent("made").path) { try makeFixture() }
        let files = try (1...2).map { try [UInt8](Data(contentsOf: fixture.appendingPathComponent("core-\($0).fagu"))) }
        let changesets = try (1...2).map { index in
            SessionChangeset(compressed: try [UInt8](Data(contentsOf: fixture.appendingPathComponent("session-\(index).zlib"))),
                             size: Int(try String(contentsOf: fixture.appendingPathComponent("session-\(index).size"), encoding: .utf8))!,
                             rowChanges: 0)
        }
        let timer = CoreBenchmark(records: records, rounds: 1)
        var fagu: [(wall: Double, cpu: Double)] = [], session: [(wall: Double, cpu: Double)] = []
        for _ in 0..<repetitions {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fagu-merge-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            for name in MergeBenchmark.names {
                try FileManager.default.copyItem(at: fixture.appendingPathComponent(name), to: directory.appendingPathComponent(name))
            }
            let cacheKiB = ReplicaConfiguration().cacheKiB
            let sessionSides = try (2...3).map { try SessionDatabase(path: directory.appendingPathComponent(MergeBenchmark.names[$0]).path,
                                                                       cacheKiB: cacheKiB) }
            var cpu = 0.0
            let sessionWall = try timer.measure(cpu: &cpu) {
                try sessionSides[1].apply(compressed: changesets[0].compressed, size: changesets[0].size)
                try sessionSides[0].apply(compressed: changesets[1].compressed, size: changesets[1].size)
            }
            session.append((sessionWall, cpu))
            let replicas = try (0...1).map { try Replica.open(at: directory.appendingPathComponent(MergeBenchmark.names[$0]).path) }
            let faguWall = try timer.measure(cpu: &cpu) {
                for (file, target) in zip(files, [replicas[1], replicas[0]]) {
                    _ = try target.apply(try ChangeSetDecoder().decode(file).groups)
                }
            }
            fagu.append((faguWall, cpu))
            for replica in replicas { try replica.close() }
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        let figures: [(String, String)] = [
            ("benchmark", "\"merge\""),
            ("repetitions", "\(repetitions)"),
            ("session_merge_median_s", format(median(session.map(\.wall)))),
            ("fagu_merge_median_s", format(median(fagu.map(\.wall)))),
            ("merge_vs_session_median_ratio", format(median(fagu.map(\.wall)) / median(session.map(\.wall)))),
            ("merge_vs_session_best_ratio", format(fagu.map(\.wall).min()! / session.map(\.wall).min()!)),
            ("session_merge_cpu_median_s", format(median(session.map(\.cpu)))),
            ("fagu_merge_cpu_median_s", format(median(fagu.map(\.cpu)))),
            ("merge_vs_session_cpu_median_ratio", format(median(fagu.map(\.cpu)) / median(session.map(\.cpu)))),
            ("fagu_merge_s", "[" + fagu.map { format($0.wall) }.joined(separator: ", ") + "]"),
            ("session_merge_s", "[" + session.map { format($0.wall) }.joined(separator: ", ") + "]"),
        ]
        return "{" + figures.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// Writes the day on both sides (Fagu's and the session's), encodes what each side
    /// sends the other, and keeps the closed databases and the files in ``fixture``.
    private func makeFixture() throws {
        try FileManager.default.createDirectory(at: fixture, withIntermediateDirectories: true)
        func path(_ name: String) -> String { fixture.appendingPathComponent(name).path }
        let day = DistrictDay(records: records)
        let core = CoreBenchmark(records: records, rounds: 1)
        let first = try Replica.create(at: path("first.sqlite"), id: ReplicaID("00000000-0000-4000-8000-00000000000a")!, author: "a017")
        let second = try Replica.create(at: path("second.sqlite"), id: ReplicaID("00000000-0000-4000-8000-00000000000b")!, author: "a018")
        try core.write(day.shared, to: first, batch: core.batchSize)
        try second.apply(first.delta(for: second.vectors(), scopes: first.scopes()))
        try core.write(day.first, to: first, batch: core.batchSize)
        try core.write(day.second, to: second, batch: core.batchSize)
        let files = [try core.file(from: first, to: second), try core.file(from: second, to: first)]
        try first.close()
        try second.close()
        let session = try SessionPair(day, batch: core.batchSize, paths: (path("session-first.sqlite"), path("session-second.sqlite")),
                                      cacheKiB: ReplicaConfiguration().cacheKiB)
        try session.writeDay()
        let changesets = try session.changesets()
        for database in [session.first, session.second] {
            try database.queue.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            try database.queue.close()
        }
        for index in 0...1 {
            try Data(files[index]).write(to: fixture.appendingPathComponent("core-\(index + 1).fagu"))
            try Data(changesets[index].compressed).write(to: fixture.appendingPathComponent("session-\(index + 1).zlib"))
            try String(changesets[index].size).write(to: fixture.appendingPathComponent("session-\(index + 1).size"),
                                                     atomically: true, encoding: .utf8)
        }
        try Data().write(to: fixture.appendingPathComponent("made"))
    }

    private func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
