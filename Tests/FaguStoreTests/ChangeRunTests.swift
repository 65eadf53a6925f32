import FaguDomain
import FaguModel
@testable import FaguStore
import FaguTesting
import Foundation
import GRDB
import Testing

@Suite("The change log in runs")
struct ChangeRunTests {
    @Test("a run gives back exactly the entries it was built from: gaps, codes and UUIDs, set-aside, clamped, no hash", arguments: 0..<50)
    func runsRoundTrip(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        var entries: [LogEntry] = []
        var next = UInt64.random(in: 1...1_000, using: &random)
        for _ in 0..<Int.random(in: 1...300, using: &random) {
            next += Bool.random(using: &random) && Int.random(in: 0..<10, using: &random) == 0 ? UInt64.random(in: 1...5, using: &random) : 0
            let count = Int.random(in: 1...12, using: &random)
            let record: RecordID = Bool.random(using: &random)
                ? .code("c\(Int.random(in: 1...999, using: &random))@\(Int.random(in: 0...9, using: &random))")
                : RecordID.version7(at: Timestamp(milliseconds: Int64.random(in: 0...1_900_000_000_000, using: &random)), using: &random)
            let setAside = Int.random(in: 0..<8, using: &random) == 0
            entries.append(LogEntry(
                first: next, count: count, kindCode: Int.random(in: 0...70, using: &random), record: record,
                time: Int64.random(in: -5...1_900_000_000_000, using: &random),
                author: ["a017", "法律顾问", ""].randomElement(using: &random)!,
                body: setAside ? [] : (0..<Int.random(in: 0...400, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) },
                hash: Int.random(in: 0..<10, using: &random) == 0 ? nil : (0..<32).map { _ in UInt8.random(in: 0...255, using: &random) },
                setAside: setAside ? "not_owner" : nil,
                clampedTime: Int.random(in: 0..<6, using: &random) == 0 ? Int64.random(in: 0...1_900_000_000_000, using: &random) : nil))
            next += UInt64(count)
        }
        let run = LogRun(entries)
        #expect(LogRun.entries(of: run.bytes, first: run.first) == entries)
        #expect(run.first == entries.first!.first && run.last == entries.last!.last)
        #expect(run.entryCount == entries.count && run.changeCount == entries.reduce(0) { $0 + $1.count })
        #expect(run.clampedCount == entries.filter { $0.clampedTime != nil }.count)
        #expect(run.lastHash == entries.last!.hash)
        for entry in entries { #expect(run.kinds & LogRun.kindBit(entry.kindCode) != 0) }
        // Cut anywhere, the bytes are refused, not misread.
        let cut = Int.random(in: 0..<run.bytes.count, using: &random)
        if let partial = LogRun.entries(of: Array(run.bytes.prefix(cut)), first: run.first) {
            #expect(partial.count < entries.count && partial == Array(entries.prefix(partial.count)))
        }
    }

    @Test("a stored number that runs over 64 bits is unreadable, not read as a smaller one")
    func overlongNumberIsUnreadable() {
        // A row clock of format 1 whose origin's tenth varint byte carries more than the 64th bit.
        let overlong = [UInt8](repeating: 0xFF, count: 9) + [0x02]
        #expect(RowClock(decoding: [1] + overlong + [1, 0, 0], fieldCount: 3) == nil)
        let exact = [UInt8](repeating: 0xFF, count: 8) + [0x7F]
        #expect(RowClock(decoding: [1] + exact + [1, 0, 0], fieldCount: 3) != nil)
    }

    @Test("a transaction of more groups than a run holds spreads them over runs, and every group is found again")
    func longTransactionsSpanRuns() throws {
        let directory = try TemporaryDirectory()
        let writer = try TestReplicas.make("writer", number: 1, in: directory)
        let reader = try TestReplicas.make("reader", number: 2, in: directory)
        var workload = Workload(seed: 5, communities: ["c01"])
        let written = try writeLogs(LogRun.maximumEntries * 2 + 17, to: writer, from: &workload)
        #expect(try writer.changeLogSize().groups == written.count)
        // From every boundary's neighbourhood, the delta is exactly the groups written after it.
        for cut in [0, 1, LogRun.maximumEntries - 1, LogRun.maximumEntries, LogRun.maximumEntries + 1, written.count - 1] {
            let after = cut == 0 ? 0 : written[cut - 1].lastCounter
            let delta = try writer.delta(for: ScopeVectors([c01: VersionVector([writer.id: after])]), scopes: [c01])
            #expect(delta.map(\.firstCounter) == written[cut...].map(\.firstCounter))
            #expect(delta.first?.previousHash == (cut == 0 ? GroupHash.genesis : written[cut - 1].chainHash))
        }
        // The whole log applies elsewhere and verifies.
        try reader.apply(writer.delta(for: ScopeVectors(), scopes: [c01]))
        #expect(try reader.digest(scopes: [c01]) == writer.digest(scopes: [c01]))
        #expect(try writer.logProblems().isEmpty && reader.logProblems().isEmpty)
        #expect(try writer.chainHeads(of: writer.id, scopes: [c01])[c01]?.hash == written.last?.chainHash)
    }

    @Test("a transaction that writes to many scopes in turn stores one run per scope, and the next one continues each chain")
    func interleavedScopesKeepWholeRuns() throws {
        let directory = try TemporaryDirectory()
        let writer = try TestReplicas.make("writer", number: 1, in: directory)
        let reader = try TestReplicas.make("reader", number: 2, in: directory)
        let communities = (1...12).map { "c\($0)" }
        let scopes = communities.map { ScopeID.community($0) }
        var workload = Workload(seed: 9, communities: communities)
        var written = try writeLogs(60, to: writer, from: &workload)
        let touched = Set(written.map(\.scope)).count
        #expect(touched > 6)
        // Starting a scope's chain in the transaction reads the log, and must not write the
        // other scopes' open runs early: that would cut them into runs of a group or two.
        #expect(try runCount(writer) == touched)
        written += try writeLogs(60, to: writer, from: &workload)
        #expect(try runCount(writer) == touched + Set(written.suffix(60).map(\.scope)).count)
        // The second transaction's groups follow the first's in every chain: they apply elsewhere and verify.
        try reader.apply(writer.delta(for: ScopeVectors(), scopes: scopes))
        #expect(try reader.digest(scopes: scopes) == writer.digest(scopes: scopes))
        #expect(try writer.logProblems().isEmpty && reader.logProblems().isEmpty)
        for scope in Set(written.map(\.scope)) {
            #expect(try writer.chainHeads(of: writer.id, scopes: [scope])[scope]?.hash == written.last { $0.scope == scope }?.chainHash)
        }
    }

    @Test("verify finds a run whose summary columns disagree with its groups, since readers trust them without decoding",
          arguments: ["last_hash = zeroblob(32)", "last = last + 1", "kinds = 0", "clamped = clamped + 1", "groups = groups - 1", "changes = changes + 1"])
    func damagedSummaryIsFound(damage: String) throws {
        let directory = try TemporaryDirectory()
        let writer = try TestReplicas.make("writer", number: 1, in: directory)
        var workload = Workload(seed: 3, communities: ["c01"])
        _ = try writeLogs(5, to: writer, from: &workload)
        #expect(try writer.logProblems().isEmpty)
        try writer.database.write { db in try db.execute(sql: "UPDATE change_run SET \(damage)") }
        let problems = try writer.logProblems()
        #expect(problems.contains { $0.code == .unreadableLogRow && $0.detail.contains("summary columns") }, "\(problems)")
    }

    /// Writes `count` work logs of `workload` in one transaction.
    private func writeLogs(_ count: Int, to replica: Replica, from workload: inout Workload) throws -> [ChangeGroup] {
        try replica.write { transaction in
            try (0..<count).map { _ in
                let id = transaction.newRecordID()
                let record = workload.logRecord(id: id)
                return try transaction.insert(record.kind, id: id, fields: record.fields)
            }
        }
    }

    private func runCount(_ replica: Replica) throws -> Int {
        try replica.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM change_run") ?? 0 }
    }
}
