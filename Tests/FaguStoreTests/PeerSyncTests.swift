import FaguMerge
import FaguDomain
import FaguModel
import FaguStore
import FaguTesting
import Testing

@Suite("Two replicas sync directly, without a hub")
struct PeerSyncTests {
    /// Runs both sides' sessions until neither has anything to say; returns the messages sent.
    func sync(_ first: Replica, _ second: Replica, scopes: [ScopeID], pageLimit: Int = 2_000) throws -> Int {
        var mine = SyncSession(scopes: scopes), theirs = SyncSession(scopes: scopes)
        var messages = 0
        for _ in 0..<100 {
            var spoke = false
            if let message = try first.nextMessage(in: &mine, pageLimit: pageLimit) {
                try second.receive(message, in: &theirs)
                messages += 1
                spoke = true
            }
            if let message = try second.nextMessage(in: &theirs, pageLimit: pageLimit) {
                try first.receive(message, in: &mine)
                messages += 1
                spoke = true
            }
            if !spoke {
                #expect(try mine.isInSync(holding: first.vectors(scopes: scopes)))
                #expect(try theirs.isInSync(holding: second.vectors(scopes: scopes)))
                return messages
            }
        }
        Issue.record("the sessions did not finish within 100 rounds")
        return messages
    }

    @Test("two replicas that each wrote, and edited one case concurrently, end with equal digests and the conflict kept")
    func peerToPeerWithConcurrentEdit() throws {
        let directory = try TemporaryDirectory()
        let first = try TestReplicas.make("first", number: 1, in: directory)
        let second = try TestReplicas.make("second", number: 2, in: directory, author: "a018")
        let caseID = try first.write { try $0.insert(.legalCase, id: $0.newRecordID(), fields: caseFields()).record }
        _ = try sync(first, second, scopes: [c01])
        try first.write { try $0.update(.legalCase, id: caseID, fields: ["status": .text("mediated")]) }
        try second.write { try $0.update(.legalCase, id: caseID, fields: ["status": .text("referred")]) }
        for index in 0..<30 {
            try first.write { try $0.insert(.legalCase, id: $0.newRecordID(), fields: caseFields(status: "open")) }
            if index % 2 == 0 {
                try second.write { try $0.insert(.legalCase, id: $0.newRecordID(), fields: caseFields(status: "closed")) }
            }
        }
        let messages = try sync(first, second, scopes: [c01], pageLimit: 7)
        #expect(messages >= 6)   // pages of 7 groups each way
        #expect(try first.digest(scopes: [c01]) == second.digest(scopes: [c01]))
        #expect(try first.vectors(scopes: [c01]) == second.vectors(scopes: [c01]))
        let conflicts = try first.openConflicts()
        #expect(conflicts.count == 1 && conflicts.first?.record == caseID)
        #expect(try second.openConflicts().count == 1)
        // Nothing more to say afterwards.
        #expect(try sync(first, second, scopes: [c01]) == 2)
    }

    @Test("a session is pure: what to send follows from the vectors alone")
    func sessionDecisions() {
        let a = ReplicaID("00000000-0000-4000-8000-00000000000a")!, b = ReplicaID("00000000-0000-4000-8000-00000000000b")!
        var session = SyncSession(scopes: [c01])
        let ours = ScopeVectors([c01: VersionVector([a: 5])])
        // First words carry no groups: the peer has not said what it holds.
        #expect(session.next(holding: ours) == SyncSession.Plan(above: nil))
        session.sent(SyncMessage(vectors: ours))
        #expect(session.next(holding: ours) == nil)
        // The peer holds b:3 and a:2: send what it lacks above that.
        session.received(SyncMessage(vectors: ScopeVectors([c01: VersionVector([a: 2, b: 3])]), more: true))
        let plan = session.next(holding: ours)
        #expect(plan?.above?[c01] == VersionVector([a: 2, b: 3]))
        #expect(!session.isInSync(holding: ours))
        // Once sent, the peer is taken to hold it; only the ack of b's changes is left.
        let group = ChangeGroup(origin: a, scope: c01, kind: .legalCase, record: .code("k1"), firstCounter: 3,
                                time: Timestamp(milliseconds: 1), author: "a017",
                                fields: [FieldChange(field: "status", value: .text("open")),
                                         FieldChange(field: "title", value: .text("t")),
                                         FieldChange(field: "date", value: .text("2026-11-27"))])
        session.sent(SyncMessage(vectors: ours, groups: [group]))
        #expect(session.peerHolds?[c01] == VersionVector([a: 5, b: 3]))
        #expect(session.next(holding: ours) == nil)
        let after = ScopeVectors([c01: VersionVector([a: 5, b: 3])])
        #expect(session.next(holding: after) == SyncSession.Plan(above: ScopeVectors([c01: VersionVector([a: 5, b: 3])])))
        session.sent(SyncMessage(vectors: after))
        session.received(SyncMessage(vectors: after))
        #expect(session.next(holding: after) == nil)
        #expect(session.isInSync(holding: after))
        // After a broken connection, what was sent but not confirmed is sent again.
        session.reconnect()
        #expect(session.next(holding: after) != nil)
    }
}
