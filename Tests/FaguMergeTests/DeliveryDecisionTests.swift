import FaguMerge
import FaguDomain
import FaguModel
import Testing

@Suite("Causal delivery")
struct DeliveryDecisionTests {
    @Test("the origin's next group with its context held is ready")
    func ready() {
        let vector = VersionVector([alice: 3, bob: 1])
        #expect(DeliveryDecision.decide(statusWrite(alice, 4, "open", context: [dot(bob, 1)]), against: vector) == .ready)
    }

    @Test("a group already held is a duplicate")
    func duplicate() {
        #expect(DeliveryDecision.decide(statusWrite(alice, 2, "open"), against: VersionVector([alice: 3])) == .duplicate)
    }

    @Test("a gap in the origin's counters holds the group back")
    func gap() {
        #expect(DeliveryDecision.decide(statusWrite(alice, 5, "open"), against: VersionVector([alice: 3]))
                == .waiting(for: [dot(alice, 4)]))
    }

    @Test("a context dot not yet held holds the group back")
    func missingContext() {
        #expect(DeliveryDecision.decide(statusWrite(alice, 1, "closed", context: [dot(bob, 2)]), against: VersionVector([bob: 1]))
                == .waiting(for: [dot(bob, 2)]))
    }

    @Test("a group straddling the held counter is corrupt input")
    func overlapping() {
        var group = statusWrite(alice, 3, "open")
        group.fields.append(FieldChange(field: "title", value: .text("t")))
        #expect(DeliveryDecision.decide(group, against: VersionVector([alice: 3])) == .overlapping(held: 3))
    }
}

@Suite("Causal schedule")
struct CausalScheduleTests {
    @Test("shuffled and duplicated groups come out in an order that respects every dependency")
    func ordersShuffledInput() {
        let a1 = statusWrite(alice, 1, "open")
        let b1 = statusWrite(bob, 1, "in_progress", context: [dot(alice, 1)])
        let a2 = statusWrite(alice, 2, "mediated", context: [dot(bob, 1)])
        let b2 = statusWrite(bob, 2, "closed", context: [dot(alice, 2)])
        let schedule = CausalSchedule(groups: [b2, a2, b1, a1, b1, a2], vector: VersionVector())
        #expect(schedule.ready == [a1, b1, a2, b2])
        #expect(schedule.duplicates == 2)
        #expect(schedule.waiting.isEmpty)
        #expect(schedule.vector == VersionVector([alice: 2, bob: 2]))
    }

    @Test("groups whose dependencies are absent wait, naming what is missing")
    func waits() {
        let b2 = statusWrite(bob, 2, "closed", context: [dot(alice, 2)])
        let schedule = CausalSchedule(groups: [b2], vector: VersionVector([bob: 1, alice: 1]))
        #expect(schedule.ready.isEmpty)
        #expect(schedule.waiting.map(\.missing) == [[dot(alice, 2)]])
    }
}

@Suite("State digest")
struct StateDigestTests {
    private func digest(_ value: String, conflict: Bool = false) -> String {
        var register = FieldRegister([RegisterEntry(dot: dot(alice, 1), value: .text(value), time: at(1))])
        if conflict { register.apply(dot: dot(bob, 1), value: .text("x"), time: at(1), context: []) }
        var digest = StateDigest()
        digest.feed(scope: scope, kind: .legalCase, record: caseID, field: "status", register: register)
        return digest.finalize()
    }

    @Test("the same state gives the same digest; a different value or an open conflict changes it")
    func digestsState() {
        #expect(digest("open") == digest("open"))
        #expect(digest("open").count == 64)
        #expect(digest("open") != digest("closed"))
        #expect(digest("open") != digest("open", conflict: true))
    }
}
