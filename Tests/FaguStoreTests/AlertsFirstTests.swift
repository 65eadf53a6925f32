import FaguDomain
import FaguModel
import FaguStore
import FaguTesting
import Testing

@Suite("Incident reports go first")
struct AlertsFirstTests {
    @Test("an incident report in a later scope is in the first page of a paged delta, behind only its own scope's earlier work")
    func incidentInTheFirstPage() throws {
        let directory = try TemporaryDirectory()
        let replica = try TestReplicas.make("backlog", number: 1, in: directory)
        var workload = Workload(seed: 5, communities: ["c01"])
        // A week offline: 300 work logs in c01, then two logs and an incident report in c02.
        try replica.write { transaction in
            for _ in 0..<300 {
                let id = transaction.newRecordID()
                let record = workload.logRecord(id: id)
                try transaction.insert(record.kind, id: id, fields: record.fields)
            }
        }
        let incident = try replica.write { transaction in
            for _ in 0..<2 {
                try transaction.insert(.lecture, id: transaction.newRecordID(), fields: [
                    "community_id": .text("c02"), "adviser_id": .text("a017"), "date": .text("2026-11-26"),
                    "topic": .text("民法典进社区"), "attendees": .integer(40),
                ])
            }
            let id = transaction.newRecordID()
            try transaction.insert(.incident, id: id, fields: [
                "community_id": .text("c02"), "adviser_id": .text("a017"), "date": .text("2026-11-26"),
                "level": .text("mass"), "summary": .text("征地补偿分配不公，二十余户村民拟集体上访"),
            ])
            return id
        }
        let scopes = [c01, c02]

        let firstPage = try replica.measureDelta(for: ScopeVectors(), scopes: scopes, limit: 10)
        #expect(!firstPage.complete)
        #expect(firstPage.groups.map(\.scope) == [c02, c02, c02, c01, c01, c01, c01, c01, c01, c01])
        #expect(firstPage.groups[2].record == incident)

        // Once the peer holds the incident, the usual order (by scope name) comes back.
        var peer = ScopeVectors()
        peer[c02] = try replica.vectors(scopes: [c02])[c02]
        let later = try replica.measureDelta(for: peer, scopes: scopes, limit: 10)
        #expect(later.groups.allSatisfy { $0.scope == c01 })
    }
}
