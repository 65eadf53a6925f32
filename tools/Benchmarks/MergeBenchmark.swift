import FaguDomain
import FaguModel
import FaguStore
import FaguWire
import Foundation

/// The merge of `core` alone, timed again and again on the same day: a fixture of both
/// sides' databases and files is made once (or reused from a directory), and each
/// repetition merges both ways on fresh copies, the session's and Fagu's in turn. The
/// medians of many short repetitions tell two builds apart better than single `core`
/// runs, minutes apart on this shared machine.
struct MergeBenchmark {
    /// Where the fixture is kept between runs (made when missing).
    let fixture: URL
    /// New records in the day: a fixture made for another count is refused.
    let records: Int
    let repetitions: Int
    /// Whether each file is decoded whole before it is applied, rather than applied as read.
    var decodeFirst = false

    /// The fixture's files: Fagu's two replicas, the session's two databases.
    private static let first = "first.sqlite", second = "second.sqlite"
    private static let sessionFirst = "session-first.sqlite", sessionSecond = "session-second.sqlite"
    /// Written last, holding the day's record count: a fixture without it is incomplete.
    private static let made = "made"

    func run() throws -> String {
        try useOrMakeFixture()
        let files = try (1...2).map { try [UInt8](Data(contentsOf: fixture.appendingPathComponent("core-\($0).fagu"))) }
        let changesets = try (1...2).map { index in
            SessionChangeset(compressed: try [UInt8](Data(contentsOf: fixture.appendingPathComponent("session-\(index).zlib"))),
                             size: try number(in: "session-\(index).size"),
                             rowChanges: 0)  // not counted here: `core` reports it
        }
        var fagu: [(wall: Double, cpu: Double, thread: Double)] = [], session: [(wall: Double, cpu: Double, thread: Double)] = []
        for repetition in 0..<repetitions {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fagu-merge-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            func copy(_ name: String) throws -> String {
                try FileManager.default.copyItem(at: fixture.appendingPathComponent(name), to: directory.appendingPathComponent(name))
                return directory.appendingPathComponent(name).path
            }
            let cacheKiB = ReplicaConfiguration().cacheKiB
            // A copy keeps its page size: the parameter matters only to a new file.
            let sessionFirst = try SessionDatabase(path: copy(MergeBenchmark.sessionFirst), cacheKiB: cacheKiB, pageBytes: nil)
            let sessionSecond = try SessionDatabase(path: copy(MergeBenchmark.sessionSecond), cacheKiB: cacheKiB, pageBytes: nil)
            var cpu = 0.0, thread = 0.0
            let sessionWall = try measure(cpu: &cpu, thread: &thread) {
                try MergeBenchmark.sessionMerge(changesets, into: [sessionSecond, sessionFirst])
            }
            session.append((sessionWall, cpu, thread))
            let first = try Replica.open(at: copy(MergeBenchmark.first))
            let second = try Replica.open(at: copy(MergeBenchmark.second))
            let faguWall = try measure(cpu: &cpu, thread: &thread) {
                try MergeBenchmark.faguMerge(files, into: [second, first], decodeFirst: decodeFirst)
            }
            fagu.append((faguWall, cpu, thread))
            // Once is enough: every repetition merges the same bytes into the same copies.
            if repetition == 0 { try CoreBenchmark.checkConverged(first, second, sessionFirst, sessionSecond) }
            try first.close()
            try second.close()
        }
        let figures: [(String, String)] = [
            ("benchmark", "\"merge\""),
            ("records", "\(records)"),
            ("repetitions", "\(repetitions)"),
            ("fagu_reading", decodeFirst ? "\"decoded first\"" : "\"streamed\""),
            ("session_merge_median_s", format(median(session.map(\.wall)))),
            ("fagu_merge_median_s", format(median(fagu.map(\.wall)))),
            ("merge_vs_session_median_ratio", format(median(fagu.map(\.wall)) / median(session.map(\.wall)))),
            ("merge_vs_session_best_ratio", format(fagu.map(\.wall).min()! / session.map(\.wall).min()!)),
            ("session_merge_cpu_median_s", format(median(session.map(\.cpu)))),
            ("fagu_merge_cpu_median_s", format(median(fagu.map(\.cpu)))),
            ("merge_vs_session_cpu_median_ratio", format(median(fagu.map(\.cpu)) / median(session.map(\.cpu)))),
            ("fagu_merge_thread_cpu_median_s", format(median(fagu.map(\.thread)))),
            ("merge_vs_session_thread_cpu_median_ratio", format(median(fagu.map(\.thread)) / median(session.map(\.thread)))),
            ("fagu_merge_s", "[" + fagu.map { format($0.wall) }.joined(separator: ", ") + "]"),
            ("session_merge_s", "[" + session.map { format($0.wall) }.joined(separator: ", ") + "]"),
        ]
        return "{" + figures.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// Fagu's merge both ways: each file applied to its replica as it is read on another
    /// thread, or with `decodeFirst` decoded whole on this thread first. Never inlined:
    /// `tools/bench instructions` counts the instructions run inside it by its name (decoding
    /// first, so that every instruction runs on this thread).
    @inline(never)
    static func faguMerge(_ files: [[UInt8]], into replicas: [Replica], decodeFirst: Bool) throws {
        for (file, target) in zip(files, replicas) {
            if decodeFirst {
                _ = try target.apply(try ChangeSetDecoder().decode(file).groups)
            } else {
                _ = try target.apply(try ChangeSetDecoder().stream(file))
            }
        }
    }

    /// The session's merge both ways: each changeset inflated and applied to its database.
    /// Never inlined, like ``faguMerge(_:into:)``.
    @inline(never)
    static func sessionMerge(_ changesets: [SessionChangeset], into databases: [SessionDatabase]) throws {
        for (changeset, target) in zip(changesets, databases) {
            try target.apply(compressed: changeset.compressed, size: changeset.size)
        }
    }

    /// Makes the fixture when it is missing or incomplete; refuses one made for another day size.
    private func useOrMakeFixture() throws {
        guard FileManager.default.fileExists(atPath: fixture.appendingPathComponent(MergeBenchmark.made).path) else {
            return try makeFixture()
        }
        let madeFor = try number(in: MergeBenchmark.made)
        guard madeFor == records else {
            throw BenchmarkFailure(message: "\(fixture.path) holds a day of \(madeFor) records, not \(records): "
                                   + "pass --records \(madeFor) or another directory")
        }
    }

    /// The whole-number content of a fixture file.
    private func number(in name: String) throws -> Int {
        let url = fixture.appendingPathComponent(name)
        guard let number = Int(try String(contentsOf: url, encoding: .utf8)) else {
            throw BenchmarkFailure(message: "\(url.path) does not hold a number")
        }
        return number
    }

    /// Writes the day on both sides (Fagu's and the session's), encodes what each side
    /// sends the other, and keeps the closed databases and the files in ``fixture``.
    private func makeFixture() throws {
        try FileManager.default.createDirectory(at: fixture, withIntermediateDirectories: true)
        func path(_ name: String) -> String { fixture.appendingPathComponent(name).path }
        let day = DistrictDay(records: records)
        let core = CoreBenchmark(records: records, rounds: 1)
        let (first, second) = try core.sides(day, path: path)
        try core.write(day.first, to: first, batch: core.batchSize)
        try core.write(day.second, to: second, batch: core.batchSize)
        let files = [try core.file(from: first, to: second), try core.file(from: second, to: first)]
        try first.close()
        try second.close()
        let session = try SessionPair(day, batch: core.batchSize, paths: (path(MergeBenchmark.sessionFirst), path(MergeBenchmark.sessionSecond)),
                                      cacheKiB: ReplicaConfiguration().cacheKiB, pageBytes: Replica.databasePageSize)
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
        try String(records).write(to: fixture.appendingPathComponent(MergeBenchmark.made), atomically: true, encoding: .utf8)
    }

    private func format(_ value: Double) -> String { String(format: "%.3f", value) }
}

