import FaguDomain
import FaguModel
import FaguStore
import FaguTesting
import Testing

/// A change set applied while it is still being read comes in parts: whatever the parts, the
/// outcome is that of applying every group at once.
@Suite("Applying groups as they come")
struct StreamedApplyTests {
    static let scopes = [c01, c02, ScopeID.roster]

    /// Two replicas' work, with cases edited on both sides (concurrently) and both
    /// communities written: every group of it, as a delta sends them.
    static func dayOfWork(in directory: TemporaryDirectory, random: inout SeededGenerator) throws -> [ChangeGroup] {
        let alice = try TestReplicas.make("alice", number: 1, in: directory)
        let bob = try TestReplicas.make("bob", number: 2, in: directory, author: "a018")
        var cases: [RecordID] = []
        for index in 0..<Int.random(in: 20...60, using: &random) {
            let writer = index % 3 == 0 ? bob : alice
            let community = Bool.random(using: &random) ? "c01" : "c02"
            let id = writer.newRecordID()
            if Bool.random(using: &random) {
                try writer.write { try $0.insert(.legalCase, id: id, fields: caseFields(community)) }
                cases.append(id)
            } else {
                try writer.write { try $0.insert(.visit, id: id, fields: [
                    "community_id": .text(community), "adviser_id": .text("a017"), "date": .text("2026-11-26"),
                    "hours": .real(6), "note": .text("走访，解答咨询"),
                ]) }
            }
        }
        // Both sides hold every case, then edit some of them without seeing each other's edits.
        try send(alice, to: bob, scopes: scopes)
        try send(bob, to: alice, scopes: scopes)
        for id in cases where Int.random(in: 0..<3, using: &random) == 0 {
            try alice.write { try $0.update(.legalCase, id: id, fields: ["status": .text(RecordKind.caseStatuses[1])]) }
            if Bool.random(using: &random) {
                try bob.write { try $0.update(.legalCase, id: id, fields: ["status": .text(RecordKind.caseStatuses[2]), "title": .text("纠纷乙")]) }
            }
        }
        return try alice.delta(for: ScopeVectors(), scopes: scopes) + bob.delta(for: ScopeVectors(), scopes: scopes)
    }

    @Test("groups taken in parts (shuffled, repeated, some lost, some screened out) end as when applied at once",
          arguments: UInt64(1)...40)
    func partsEndAsWhole(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        var random = SeededGenerator(seed: seed)
        var groups = try Self.dayOfWork(in: directory, random: &random)
        // Out of order, a few lost (what depends on them waits), a few twice.
        groups = groups.filter { _ in Int.random(in: 0..<30, using: &random) != 0 }
        groups += groups.filter { _ in Int.random(in: 0..<8, using: &random) == 0 }
        groups.shuffle(using: &random)
        // The hub's kind of refusal, for some records: set aside on arrival, by either path.
        let refused = Set(groups.map(\.record).filter { _ in Int.random(in: 0..<10, using: &random) == 0 })
        let screen: (ChangeGroup) -> (code: String, reason: String)? = { refused.contains($0.record) ? ("not_yours", "screened") : nil }

        let whole = try TestReplicas.make("whole", number: 3, in: directory)
        let parted = try TestReplicas.make("parted", number: 4, in: directory)
        let sizes = (0..<12).map { _ in Int.random(in: 1...max(1, groups.count / 4), using: &random) }
        let source = PartedGroups(groups, sizes: sizes)
        let atOnce = try whole.apply(groups, screen: screen)
        let inParts = try parted.apply(source, screen: screen)

        #expect(source.partsGiven > 1)
        #expect(try parted.digest(scopes: Self.scopes) == whole.digest(scopes: Self.scopes))
        #expect(try parted.vectors(scopes: Self.scopes) == whole.vectors(scopes: Self.scopes))
        #expect(try parted.heldBackCount() == whole.heldBackCount())
        #expect(try parted.setAsideCount() == whole.setAsideCount())
        #expect(try parted.openConflicts().count == whole.openConflicts().count)
        #expect(inParts.appliedGroups == atOnce.appliedGroups)
        #expect(inParts.appliedChanges == atOnce.appliedChanges)
        // A repeated group that waits is kept once, whichever copy came first: across parts a
        // copy may so go uncounted as a duplicate (as across batches).
        #expect(inParts.duplicateGroups <= atOnce.duplicateGroups)
        // What waits is the same (above); a waiting group given twice in one part, or at once,
        // is counted twice.
        #expect(inParts.heldBackGroups >= (try parted.heldBackCount()))
        #expect(inParts.heldBackGroups <= atOnce.heldBackGroups)
        let missing = Set(try parted.heldBackGroups().flatMap(\.missing))
        #expect(Set(inParts.missing).isSubset(of: missing) && Set(atOnce.missing).isSubset(of: missing))
        #expect(inParts.missing.count == min(8, missing.count) || inParts.missing.count == inParts.heldBackGroups)
        // Set aside as they arrived, field names and all, whichever part they waited through.
        func arrived(_ groups: [ChangeGroup]) -> [String] {
            groups.map { "\($0.scope)/\($0.origin):\($0.firstCounter) \($0.fields.map(\.field)) \($0.setAside?.code ?? "")" }.sorted()
        }
        #expect(arrived(inParts.setAside) == arrived(atOnce.setAside))
        #expect(try parted.verify(scratchDirectory: directory.path).isEmpty)
    }

    @Test("the schedules above hold groups back across parts, set some aside and open conflicts")
    func partsReachWhatTheyTest() throws {
        var settled = 0, setAside = 0, conflicts = 0
        for seed in UInt64(1)...10 {
            let directory = try TemporaryDirectory()
            var random = SeededGenerator(seed: seed)
            let groups = try Self.dayOfWork(in: directory, random: &random)
            let screen: (ChangeGroup) -> (code: String, reason: String)? = { $0.record == groups[0].record ? ("not_yours", "screened") : nil }
            let whole = try TestReplicas.make("whole", number: 3, in: directory)
            let parted = try TestReplicas.make("parted", number: 4, in: directory)
            // Reversed, in parts of three: most groups arrive parts before what they depend on.
            try whole.apply(groups, screen: screen)
            let report = try parted.apply(PartedGroups(groups.reversed(), sizes: [3]), screen: screen)
            if try parted.heldBackCount() == 0 && report.heldBackGroups == 0
                && parted.digest(scopes: Self.scopes) == whole.digest(scopes: Self.scopes) {
                settled += 1
            }
            setAside += report.setAside.count
            conflicts += try parted.openConflicts().count
        }
        #expect(settled == 10)
        #expect(setAside >= 10)
        #expect(conflicts >= 10)
    }

    @Test("a big source that keeps the replica waiting ends as when applied at once: the rows it made are written while it waits")
    func slowSourceEndsAsWhole() throws {
        let directory = try TemporaryDirectory()
        let writer = try TestReplicas.make("writer", number: 1, in: directory)
        let scopes = [c01, c02]
        // More groups than the replica checks on a thread of its own, then edits of some of
        // the records they made: those edits come parts after the rows were written early.
        var made: [RecordID] = []
        try writer.write { transaction in
            for index in 0..<8_800 {
                let id = transaction.newRecordID()
                try transaction.insert(.visit, id: id, fields: [
                    "community_id": .text(index % 2 == 0 ? "c01" : "c02"), "adviser_id": .text("a017"),
                    "date": .text("2026-11-26"), "hours": .real(2), "note": .text("走访第\(index)次"),
                ])
                made.append(id)
            }
        }
        try writer.write { transaction in
            for id in made.prefix(300) { try transaction.update(.visit, id: id, fields: ["hours": .real(3)]) }
        }
        let groups = try writer.delta(for: ScopeVectors(), scopes: scopes)
        #expect(groups.count == 9_100)
        let whole = try TestReplicas.make("whole", number: 2, in: directory)
        let slow = try TestReplicas.make("slow", number: 3, in: directory)
        let source = PartedGroups(groups, sizes: [700], pausing: 0.15)
        let atOnce = try whole.apply(groups)
        let waited = try slow.apply(source)
        #expect(source.partsGiven == 13)
        #expect(waited == atOnce)
        #expect(waited.appliedGroups == 9_100)
        #expect(try slow.digest(scopes: scopes) == writer.digest(scopes: scopes))
        #expect(try slow.digest(scopes: scopes) == whole.digest(scopes: scopes))
        #expect(try slow.record(.visit, id: made[0])?.fields["hours"] == .real(3))
        #expect(try slow.verify(scratchDirectory: directory.path).isEmpty)
    }

    /// What a source throws when its input turns out damaged.
    struct ReadFailure: Error {}

    /// A day of work (`seed`) and an empty replica to apply it to, in `directory`.
    static func dayAndTarget(seed: UInt64, in directory: TemporaryDirectory) throws -> (groups: [ChangeGroup], target: Replica) {
        var random = SeededGenerator(seed: seed)
        return (try dayOfWork(in: directory, random: &random), try TestReplicas.make("target", number: 3, in: directory))
    }

    @Test("a source that fails after giving groups leaves the replica as it was")
    func failingSourceAppliesNothing() throws {
        let directory = try TemporaryDirectory()
        let (groups, replica) = try Self.dayAndTarget(seed: 7, in: directory)
        let untouched = try TestReplicas.make("untouched", number: 4, in: directory)
        let before = try replica.digest(scopes: Self.scopes)
        // Reversed, so that some groups wait in `pending_group` when the source fails.
        let source = PartedGroups(groups.reversed(), sizes: [5], failingAtEnd: ReadFailure())
        #expect(throws: ReadFailure.self) { try replica.apply(source) }
        #expect(source.partsGiven > 1)
        #expect(try replica.digest(scopes: Self.scopes) == before)
        #expect(try replica.vectors(scopes: Self.scopes) == untouched.vectors(scopes: Self.scopes))
        #expect(try replica.heldBackCount() == 0)
        // Nothing was half-kept: the same groups apply afterwards as on a replica never tried.
        #expect(try replica.apply(groups) == untouched.apply(groups))
        #expect(try replica.digest(scopes: Self.scopes) == untouched.digest(scopes: Self.scopes))
    }

    @Test("when an early part fails to apply and the source fails further on, the source's fault is what is reported")
    func sourceFaultReportedFirst() throws {
        let directory = try TemporaryDirectory()
        let (groups, replica) = try Self.dayAndTarget(seed: 9, in: directory)
        // The replica holds the first group's dots with other content: applying it again is a fork.
        var other = groups[0]
        other.fields = other.fields.map { change in
            change.field == "title" || change.field == "note" ? FieldChange(field: change.field, value: .text("另一份"), context: change.context) : change
        }
        try replica.apply([other])
        #expect(throws: ReplicaError.self) { try replica.apply(groups) }
        let before = try replica.digest(scopes: Self.scopes)
        // The same groups from a source that turns out damaged after them.
        #expect(throws: ReadFailure.self) { try replica.apply(PartedGroups(groups, sizes: [4], failingAtEnd: ReadFailure())) }
        #expect(try replica.digest(scopes: Self.scopes) == before)
    }
}
