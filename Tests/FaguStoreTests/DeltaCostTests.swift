import FaguDomain
import FaguModel
@testable import FaguStore
import FaguTesting
import Testing

@Suite("Delta cost")
struct DeltaCostTests {
    @Test("the delta for an up-to-date peer is found without scanning a 100,000-change history")
    func upToDatePeerCostsNothing() throws {
        let directory = try TemporaryDirectory()
        let replica = try TestReplicas.make("busy", number: 1, in: directory)
        var workload = Workload(seed: 3, communities: ["c01", "c02"])
        var changes = 0
        while changes < 100_000 {
            try replica.write { transaction in
                for _ in 0..<1_000 {
                    let id = transaction.newRecordID()
                    let record = workload.logRecord(id: id)
                    try transaction.insert(record.kind, id: id, fields: record.fields)
                    changes += record.fields.count
                }
            }
        }
        let scopes = [c01, c02]
        #expect(try replica.changeLogSize().changes >= 100_000)

        // An up-to-date peer: no rows, no scan, no query.
        let upToDate = try replica.measureDelta(for: replica.vectors(scopes: scopes), scopes: scopes)
        #expect(upToDate.groups.isEmpty)
        #expect(upToDate.sqliteSteps == 0, "an up-to-date peer needs no query at all")

        // A peer missing only the last write of each scope: a few rows, found by index.
        var behind = ScopeVectors()
        for scope in scopes {
            let last = try replica.write { transaction in
                try transaction.insert(.lecture, id: transaction.newRecordID(), fields: [
                    "community_id": .text(scope.name), "adviser_id": .text("a017"), "date": .text("2026-11-26"),
                    "topic": .text("民法典进社区"), "attendees": .integer(40),
                ])
            }
            behind[scope] = VersionVector([replica.id: last.firstCounter - 1])
        }
        let oneBehind = try replica.measureDelta(for: behind, scopes: scopes)
        #expect(oneBehind.groups.count == 2)
        #expect(oneBehind.fullScanSteps == 0)
        #expect(oneBehind.sqliteSteps < 200, "steps: \(oneBehind.sqliteSteps)")

        // It reads the last run of each scope, not the history.
        #expect(oneBehind.logEntriesRead > 0 && oneBehind.logEntriesRead <= 2 * LogRun.maximumEntries,
                "entries read: \(oneBehind.logEntriesRead)")

        // The plan is an index range on (scope, origin, last counter), never a scan.
        let plan = try replica.deltaQueryPlan().joined(separator: "; ")
        #expect(plan.contains("SEARCH change_run USING INDEX change_run_by_origin (scope=? AND origin=? AND last>?)"), "plan: \(plan)")
        #expect(!plan.contains("SCAN"))

        // For contrast, a peer with nothing costs work in proportion to the history.
        let empty = try replica.measureDelta(for: ScopeVectors(), scopes: scopes)
        #expect(empty.sqliteSteps > 10 * oneBehind.sqliteSteps)
        #expect(empty.logEntriesRead > 50 * oneBehind.logEntriesRead)
    }
}
