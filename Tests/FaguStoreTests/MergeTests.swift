import FaguMerge
import FaguDomain
import FaguModel
import FaguStore
import FaguTesting
import Testing

@Suite("Merging replicas")
struct MergeTests {
    let directory: TemporaryDirectory
    let alice: Replica
    let bob: Replica

    init() throws {
        directory = try TemporaryDirectory()
        alice = try TestReplicas.make("alice", number: 1, in: directory)
        bob = try TestReplicas.make("bob", number: 2, in: directory, author: "a018")
    }

    @Test("two replicas that create the same coded record each merge the other's creation, with the rest of its batch")
    func sameRecordCreatedOnBothSides() throws {
        // A community both sides entered under the bureau's code, with different names.
        func community(_ name: String) -> [String: FieldValue] { ["name": .text(name), "kind": .text("village")] }
        let shared = RecordID.code("c99")
        try alice.write { try $0.insert(.community, id: shared, fields: community("东风村")) }
        try bob.write { try $0.insert(.community, id: shared, fields: community("东方村")) }
        // Records each side alone made, before and after: they travel in the same batches.
        var made: [RecordID] = []
        for (index, replica) in [alice, bob, alice, bob].enumerated() {
            let id = RecordID.code("c\(index + 1)")
            made.append(id)
            try replica.write { try $0.insert(.community, id: id, fields: community("村\(index + 1)")) }
        }
        #expect(try send(alice, to: bob, scopes: [.roster]).count == 3)
        #expect(try send(bob, to: alice, scopes: [.roster]).count == 3)

        for replica in [alice, bob] {
            let record = try #require(try replica.record(.community, id: shared))
            let name = try #require(record.register("name"))
            #expect(Set(name.entries.map(\.value)) == [.text("东风村"), .text("东方村")])
            #expect(Set(name.entries.map(\.dot.origin)) == [alice.id, bob.id])
            #expect(try replica.setAsideCount() == 0)
            for id in made { #expect(try replica.record(.community, id: id) != nil) }
        }
        #expect(try alice.digest(scopes: [.roster]) == bob.digest(scopes: [.roster]))
        #expect(try bob.verify(scratchDirectory: directory.path).isEmpty)
    }

    @Test("two replicas that make the same appointment, its adviser and community fixed at creation, end the same")
    func sameAppointmentMadeOnBothSides() throws {
        // Both sides enter appointment p1 from the same roster line: equal values, two dots.
        let appointment = RecordID.code("p1")
        let line: [String: FieldValue] = ["adviser_id": .text("a017"), "community_id": .text("c01"), "start": .text("2026-01-01")]
        for replica in [alice, bob] {
            try replica.write { try $0.insert(.appointment, id: appointment, fields: line) }
        }
        try send(alice, to: bob, scopes: [.roster])
        try send(bob, to: alice, scopes: [.roster])

        // Each takes the other's creation beside its own: nothing set aside, the same state.
        for replica in [alice, bob] {
            #expect(try replica.setAsideCount() == 0)
            let adviser = try #require(try replica.record(.appointment, id: appointment)?.register("adviser_id"))
            #expect(Set(adviser.entries.map(\.dot.origin)) == [alice.id, bob.id])
            #expect(Set(adviser.entries.map(\.value)) == [.text("a017")])
        }
        #expect(try alice.digest(scopes: [.roster]) == bob.digest(scopes: [.roster]))
    }

    @Test("the same appointment made with two advisers is a conflict on both sides, settled by choosing one of them")
    func sameAppointmentWithTwoAdvisers() throws {
        let appointment = RecordID.code("p1")
        for (replica, adviser) in [(alice, "a017"), (bob, "a018")] {
            try replica.write {
                try $0.insert(.appointment, id: appointment,
                              fields: ["adviser_id": .text(adviser), "community_id": .text("c01"), "start": .text("2026-01-01")])
            }
        }
        try send(alice, to: bob, scopes: [.roster])
        try send(bob, to: alice, scopes: [.roster])
        // Every field both wrote holds both writes, as any concurrent writes do: equal values too.
        for replica in [alice, bob] {
            #expect(try replica.openConflicts().map(\.field) == ["adviser_id", "community_id", "start"])
            #expect(try replica.setAsideCount() == 0)
        }
        #expect(try alice.digest(scopes: [.roster]) == bob.digest(scopes: [.roster]))

        // Fixed at creation: a third adviser is refused, naming the two it may be, and nothing is written.
        let before = try bob.digest(scopes: [.roster])
        let refused = #expect(throws: ReplicaError.self) {
            try bob.write { try $0.update(.appointment, id: appointment, fields: ["adviser_id": .text("a019")]) }
        }
        #expect(refused?.code == .immutableField)
        #expect(refused?.message.contains("a017") == true && refused?.message.contains("a018") == true)
        #expect(try bob.digest(scopes: [.roster]) == before)

        // Choosing one of the values settles each field everywhere; after that they are fixed again.
        try bob.write {
            try $0.update(.appointment, id: appointment,
                          fields: ["adviser_id": .text("a018"), "community_id": .text("c01"), "start": .text("2026-01-01")])
        }
        try send(bob, to: alice, scopes: [.roster])
        for replica in [alice, bob] {
            #expect(try replica.openConflicts().isEmpty)
            #expect(try replica.record(.appointment, id: appointment)?.fields["adviser_id"] == .text("a018"))
            #expect(try replica.setAsideCount() == 0)
        }
        #expect(try alice.digest(scopes: [.roster]) == bob.digest(scopes: [.roster]))
        let fixed = #expect(throws: ReplicaError.self) {
            try alice.write { try $0.update(.appointment, id: appointment, fields: ["adviser_id": .text("a017")]) }
        }
        #expect(fixed?.code == .immutableField)
    }

    @Test("a replica that holds an appointment takes two more creations of it in one batch, and all four end the same")
    func moreCreationsOfAHeldAppointmentInOneBatch() throws {
        let carol = try TestReplicas.make("carol", number: 3, in: directory, author: "a019")
        let dave = try TestReplicas.make("dave", number: 4, in: directory, author: "a020")
        let appointment = RecordID.code("p1")
        for (replica, start) in [(alice, "2026-01-01"), (bob, "2026-02-01"), (carol, "2026-03-01"), (dave, "2026-04-01")] {
            try replica.write {
                try $0.insert(.appointment, id: appointment,
                              fields: ["adviser_id": .text("a017"), "community_id": .text("c01"), "start": .text(start)])
            }
        }
        try alice.write { try $0.update(.appointment, id: appointment, fields: ["start": .text("2026-01-15")]) }
        // Carol holds her creation and Dave's, its start in conflict; then one batch brings
        // Alice's creation, Bob's (which finds Alice's row made in memory and puts their
        // starts in conflict) and Alice's edit of her start (which reads that conflict).
        try send(dave, to: carol, scopes: [.roster])
        let fromAlice = try alice.delta(for: carol.vectors(scopes: [.roster]), scopes: [.roster])
        let fromBob = try bob.delta(for: carol.vectors(scopes: [.roster]), scopes: [.roster])
        #expect(fromAlice.count == 2 && fromBob.count == 1)
        let report = try carol.apply([fromAlice[0]] + fromBob + [fromAlice[1]])
        #expect(report.setAside.isEmpty)
        let start = try #require(try carol.record(.appointment, id: appointment)?.register("start"))
        #expect(Set(start.entries.map(\.value)) == [.text("2026-01-15"), .text("2026-02-01"), .text("2026-03-01"), .text("2026-04-01")])

        let replicas = [alice, bob, carol, dave]
        for _ in 0..<2 {
            for from in replicas {
                for to in replicas where to !== from { try send(from, to: to, scopes: [.roster]) }
            }
        }
        for replica in replicas {
            #expect(try replica.setAsideCount() == 0)
            #expect(try replica.digest(scopes: [.roster]) == carol.digest(scopes: [.roster]))
        }
    }

    @Test("concurrent edits of a case's status are an open conflict on both replicas, shown the same")
    func concurrentEditsConflict() throws {
        let id = try concurrentStatusEdits()

        for replica in [alice, bob] {
            let conflicts = try replica.openConflicts()
            #expect(conflicts.count == 1)
            #expect(conflicts.first?.field == "status")
            #expect(Set(conflicts.first?.register.entries.map(\.value) ?? []) == [.text("mediated"), .text("referred")])
        }
        #expect(try alice.record(.legalCase, id: id)?.fields["status"] == bob.record(.legalCase, id: id)?.fields["status"])
        #expect(try alice.digest(scopes: [c01]) == bob.digest(scopes: [c01]))

        // A later write that saw both resolves it everywhere.
        try bob.write { try $0.update(.legalCase, id: id, fields: ["status": .text("closed")]) }
        try send(bob, to: alice, scopes: [c01])
        #expect(try alice.openConflicts().isEmpty && bob.openConflicts().isEmpty)
        #expect(try alice.fetch(LegalCase.self, id: id)?.status == .closed)
        #expect(try alice.digest(scopes: [c01]) == bob.digest(scopes: [c01]))
    }

    @Test("a stored record names each field's writers: one entry where written once, every entry where in conflict")
    func storedRecordRegisters() throws {
        let id = try concurrentStatusEdits()

        let held = try #require(try alice.record(.legalCase, id: id))
        let registers = held.registers
        #expect(Set(registers.keys) == Set(caseFields().keys))
        for (field, value) in caseFields() where field != "status" {
            #expect(registers[field]?.entries.map(\.value) == [value])
            #expect(registers[field]?.entries.map(\.dot.origin) == [alice.id])
        }
        #expect(Array(held.conflicts.keys) == ["status"])
        let status = try #require(held.conflicts["status"])
        #expect(Set(status.entries.map(\.dot.origin)) == [alice.id, bob.id])
        #expect(Set(status.entries.map(\.value)) == [.text("mediated"), .text("referred")])
        #expect(registers["status"] == status)
        // Read one by one or in a listing, here or on the other replica: the same record.
        #expect(try alice.records(.legalCase).first { $0.id == id } == held)
        #expect(try bob.record(.legalCase, id: id) == held)

        // Writing a field's value again changes who wrote it, not what it displays.
        try bob.write { try $0.update(.legalCase, id: id, fields: ["title": caseFields()["title"]!]) }
        let rewritten = try #require(try bob.record(.legalCase, id: id))
        #expect(rewritten.fields == held.fields)
        #expect(rewritten.registers["title"]?.entries.map(\.dot.origin) == [bob.id])
        #expect(rewritten != held)
    }

    @Test("a field never written has no register; one written as null has one entry and no displayed value")
    func storedRecordNullAndUnwritten() throws {
        let id = alice.newRecordID()
        try alice.write {
            try $0.insert(.consultation, id: id, fields: [
                "community_id": .text("c01"), "adviser_id": .text("a017"), "date": .text("2026-11-20"),
                "topic": .text("婚姻家庭"), "question": .text("离婚后子女抚养费怎么算？"), "hard": .integer(1)])
        }
        try alice.write { try $0.update(.consultation, id: id, fields: ["answer": .null]) }
        try send(alice, to: bob, scopes: [c01])

        let held = try #require(try bob.record(.consultation, id: id))
        #expect(held.fields["answer"] == nil && held.fields["due"] == nil)
        #expect(held.registers["due"] == nil && held.register("due") == nil)
        let answer = try #require(held.register("answer"))
        #expect(answer.entries.map(\.value) == [.null])
        #expect(answer.entries.map(\.dot.origin) == [alice.id])
        #expect(held.registers.count == 7 && held.conflicts.isEmpty)
        for (field, register) in held.registers { #expect(held.register(field) == register) }
        // Equal records hash alike: read one by one, in a listing, or on the replica that wrote it.
        let listed = try #require(try bob.records(.consultation).first { $0.id == id })
        #expect(Set([held, listed, try #require(try alice.record(.consultation, id: id))]).count == 1)
    }

    /// A case alice made and both then edited apart (status "mediated" on alice, "referred"
    /// on bob), after both have exchanged everything.
    private func concurrentStatusEdits() throws -> RecordID {
        let id = alice.newRecordID()
        try alice.write { try $0.insert(.legalCase, id: id, fields: caseFields()) }
        try send(alice, to: bob, scopes: [c01])
        try alice.write { try $0.update(.legalCase, id: id, fields: ["status": .text("mediated")]) }
        try bob.write { try $0.update(.legalCase, id: id, fields: ["status": .text("referred")]) }
        try send(alice, to: bob, scopes: [c01])
        try send(bob, to: alice, scopes: [c01])
        return id
    }

    @Test("edits of different fields of one record merge without conflict")
    func differentFieldsMerge() throws {
        let id = alice.newRecordID()
        try alice.write { try $0.insert(.legalCase, id: id, fields: caseFields()) }
        try send(alice, to: bob, scopes: [c01])
        try alice.write { try $0.update(.legalCase, id: id, fields: ["status": .text("closed")]) }
        try bob.write { try $0.update(.legalCase, id: id, fields: ["title": .text("宅基地使用权纠纷")]) }
        try send(alice, to: bob, scopes: [c01])
        try send(bob, to: alice, scopes: [c01])
        let merged = try #require(try alice.fetch(LegalCase.self, id: id))
        #expect(merged.status == .closed && merged.title == "宅基地使用权纠纷")
        #expect(try alice.openConflicts().isEmpty)
        #expect(try alice.digest(scopes: [c01]) == bob.digest(scopes: [c01]))
    }

    @Test("a batch applied twice, or in reverse order, ends in the same state")
    func idempotentAndOrderFree() throws {
        let id = alice.newRecordID()
        try alice.write { try $0.insert(.legalCase, id: id, fields: caseFields()) }
        for status in ["in_progress", "mediated", "closed"] {
            try alice.write { try $0.update(.legalCase, id: id, fields: ["status": .text(status)]) }
        }
        let groups = try alice.delta(for: ScopeVectors(), scopes: [c01])
        let reversed = try bob.apply(groups.reversed())
        #expect(reversed.appliedGroups == 4)
        let again = try bob.apply(groups)
        #expect(again.appliedGroups == 0 && again.duplicateGroups == 4)
        #expect(try bob.digest(scopes: [c01]) == alice.digest(scopes: [c01]))
    }

    @Test("a record made and edited in one batch, beside a concurrent edit, ends as if each group had come alone")
    func batchEndsAsGroupByGroup() throws {
        // A case all three hold; then Alice makes another and edits both, and Bob edits the first.
        let shared = alice.newRecordID()
        try alice.write { try $0.insert(.legalCase, id: shared, fields: caseFields()) }
        let carol = try TestReplicas.make("carol", number: 3, in: directory, author: "a019")
        try send(alice, to: bob, scopes: [c01])
        try send(alice, to: carol, scopes: [c01])
        let made = alice.newRecordID()
        try alice.write { try $0.insert(.legalCase, id: made, fields: caseFields()) }
        try alice.write { try $0.update(.legalCase, id: made, fields: ["status": .text("in_progress"), "title": .text("二审")]) }
        try alice.write { try $0.update(.legalCase, id: made, fields: ["status": .text("mediated")]) }
        try alice.write { try $0.update(.legalCase, id: shared, fields: ["status": .text("mediated")]) }
        try alice.write { try $0.update(.legalCase, id: made, fields: ["status": .text("closed")]) }
        try alice.write { try $0.update(.legalCase, id: shared, fields: ["title": .text("宅基地使用权纠纷")]) }
        try bob.write { try $0.update(.legalCase, id: shared, fields: ["status": .text("referred")]) }

        // Bob takes Alice's six groups in one batch; Carol takes Bob's edit, then Alice's groups one at a time.
        let batch = try alice.delta(for: bob.vectors(scopes: [c01]), scopes: [c01])
        #expect(batch.count == 6)
        #expect(try bob.apply(batch).conflictsOpened == 1)
        try send(bob, to: carol, scopes: [c01])
        for group in batch { try carol.apply([group]) }

        let reopened = try Replica.open(at: bob.path)
        #expect(try reopened.digest(scopes: [c01]) == carol.digest(scopes: [c01]))
        #expect(try reopened.record(.legalCase, id: made)?.fields["status"] == .text("closed"))
        // The title only an earlier group of the batch changed, and the status both sides edited.
        #expect(try reopened.record(.legalCase, id: made)?.fields["title"] == .text("二审"))
        #expect(try reopened.record(.legalCase, id: shared)?.fields["title"] == .text("宅基地使用权纠纷"))
        #expect(try reopened.record(.legalCase, id: shared)?.fields["status"] == carol.record(.legalCase, id: shared)?.fields["status"])
        #expect(try reopened.openConflicts().map(\.field) == ["status"])
        #expect(try Set(reopened.openConflicts().first?.register.entries.map(\.value) ?? []) == [.text("mediated"), .text("referred")])
        #expect(try reopened.verify(scratchDirectory: directory.path).isEmpty)
    }

    @Test("the change log keeps every value ever written, superseded ones included")
    func logKeepsSupersededValues() throws {
        let id = alice.newRecordID()
        try alice.write { try $0.insert(.legalCase, id: id, fields: caseFields(status: "open")) }
        try alice.write { try $0.update(.legalCase, id: id, fields: ["status": .text("mediated"), "title": .text("二审")]) }
        try alice.write { try $0.update(.legalCase, id: id, fields: ["status": .text("closed")]) }
        let statuses = try alice.delta(for: ScopeVectors(), scopes: [c01])
            .flatMap(\.changes).filter { $0.field == "status" }.map(\.value)
        #expect(statuses == [.text("open"), .text("mediated"), .text("closed")])
        let titles = try alice.delta(for: ScopeVectors(), scopes: [c01]).flatMap(\.changes).filter { $0.field == "title" }.map(\.value)
        #expect(titles == [.text("土地承包纠纷"), .text("二审")])
    }

    @Test("a group that arrives before what it depends on is held back, durably, then applied")
    func holdsBack() throws {
        let id = alice.newRecordID()
        try alice.write { try $0.insert(.legalCase, id: id, fields: caseFields()) }
        try alice.write { try $0.update(.legalCase, id: id, fields: ["status": .text("closed")]) }
        let groups = try alice.delta(for: ScopeVectors(), scopes: [c01])
        let first = try bob.apply([groups[1]])
        #expect(first.heldBackGroups == 1 && first.appliedGroups == 0)
        #expect(first.missing == [Dot(origin: alice.id, counter: 1)])
        #expect(try bob.record(.legalCase, id: id) == nil)
        let reopened = try Replica.open(at: bob.path)
        #expect(try reopened.heldBackCount() == 1)
        let second = try reopened.apply([groups[0]])
        #expect(second.appliedGroups == 2 && second.heldBackGroups == 0)
        #expect(try reopened.digest(scopes: [c01]) == alice.digest(scopes: [c01]))
    }

    @Test("an invalid group in a batch is set aside with its reason; the rest applies and the dots are taken")
    func setsAsideInvalidGroup() throws {
        try alice.write { try $0.insert(.legalCase, id: alice.newRecordID(), fields: caseFields()) }
        var groups = try alice.delta(for: ScopeVectors(), scopes: [c01])
        var forged = groups[0]
        forged.firstCounter = groups[0].lastCounter + 1
        forged.record = .code("k9")
        forged.fields = [FieldChange(field: "colour", value: .text("red"))]
        forged.previousHash = groups[0].chainHash
        groups.append(forged)
        let report = try bob.apply(groups)
        #expect(report.appliedGroups == 1)
        #expect(report.setAside.map { $0.setAside?.code } == ["unknown_field"])
        #expect(try bob.vectors(scopes: [c01])[c01] == VersionVector([alice.id: forged.lastCounter]))
        #expect(try bob.setAsideEntries().map(\.record) == ["k9"])
        #expect(try bob.records(.legalCase).count == 1)

        var overlapping = groups[0]
        overlapping.firstCounter += 1  // counters 2…6 against 1…5 held

        try bob.apply([groups[0]])
        let overlap = #expect(throws: ReplicaError.self) { try bob.apply([overlapping]) }
        #expect(overlap?.code == .replicaForked)
    }

    @Test("groups with the same first counter in two communities, both set aside, each keep their own content")
    func setAsideAcrossScopes() throws {
        let fields = ["community_id", "adviser_id", "date", "title", "colour"]
        let groups = [("c01", "纠纷甲"), ("c02", "纠纷乙")].map { scope, title in
            ChangeGroup(origin: alice.id, scope: .community(scope), kind: .legalCase, record: alice.newRecordID(),
                        firstCounter: 1, time: alice.now(), author: "a017",
                        fields: zip(fields, [.text(scope), .text("a017"), .text("2026-11-26"), .text(title), .text("red")])
                            .map { FieldChange(field: $0, value: $1) },
                        previousHash: GroupHash.genesis)
        }
        let report = try bob.apply(groups)
        #expect(report.setAside.count == 2)
        for entry in try bob.setAsideEntries() {
            #expect(entry.content?.contains(entry.scope == "c01" ? "纠纷甲" : "纠纷乙") == true, "\(entry.scope)")
        }
    }

    @Test("a change that writes another community than its scope is set aside, nothing applied")
    func refusesScopeMismatch() throws {
        try alice.write { try $0.insert(.visit, id: alice.newRecordID(), fields: [
            "community_id": .text("c01"), "adviser_id": .text("a017"), "date": .text("2026-11-26"), "hours": .real(6),
        ]) }
        var groups = try alice.delta(for: ScopeVectors(), scopes: [c01])
        groups[0].scope = c02
        let digest = try bob.digest(scopes: [c01, c02])
        let report = try bob.apply(groups)
        #expect(report.setAside.map { $0.setAside?.code } == ["scope_mismatch"])
        #expect(try bob.setAsideEntries().map(\.code) == ["scope_mismatch"])
        #expect(try bob.digest(scopes: [c01, c02]) == digest)
    }

    @Test("the digest differs when the state differs, and covers only the scopes asked for")
    func digestScopes() throws {
        try alice.write { try $0.insert(.legalCase, id: alice.newRecordID(), fields: caseFields("c01")) }
        try bob.write { try $0.insert(.legalCase, id: bob.newRecordID(), fields: caseFields("c02")) }
        #expect(try alice.digest(scopes: [c01]) != bob.digest(scopes: [c01]))
        #expect(try alice.digest(scopes: [c02]) == TestReplicas.make("empty", number: 3, in: directory).digest(scopes: [c02]))
        try send(alice, to: bob, scopes: [c01])
        #expect(try alice.digest(scopes: [c01]) == bob.digest(scopes: [c01]))
        #expect(try alice.digest(scopes: [c01, c02]) != bob.digest(scopes: [c01, c02]))
    }
}
