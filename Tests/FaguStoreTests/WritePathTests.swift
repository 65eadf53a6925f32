import FaguDomain
import FaguModel
import FaguStore
import FaguTesting
import Foundation
import GRDB
import Testing

@Suite("The write path")
struct WritePathTests {
    let directory: TemporaryDirectory
    let replica: Replica

    init() throws {
        directory = try TemporaryDirectory()
        replica = try TestReplicas.make("a", number: 1, in: directory)
    }

    private func visit(_ id: RecordID, community: String = "c01", note: String = "调解邻里纠纷，双方和解") -> Visit {
        Visit(id: id, communityID: community, adviserID: "a017", date: "2026-11-26", hours: 6.5, note: note)
    }

    @Test("a typed record is stored with one change per field, in its community's scope")
    func storesRecordAndChanges() throws {
        let id = replica.newRecordID()
        guard case .uuid(let uuid) = id else { Issue.record("expected a UUID id"); return }
        #expect(uuid.uuidString.dropFirst(14).first == "7", "ids are version-7 UUIDs")
        try replica.write { try $0.insert(visit(id)) }
        #expect(try replica.fetch(Visit.self, id: id) == visit(id))
        #expect(try replica.vectors()[.community("c01")] == VersionVector([replica.id: 5]))
        let log = try replica.changeLogSize()
        #expect(log.groups == 1 && log.changes == 5)
        #expect(try replica.schemaVersion() == ReplicaSchema.version)
    }

    @Test("an update supersedes exactly the values the writer saw")
    func updateCarriesContext() throws {
        let id = replica.newRecordID()
        let opened = try replica.write { transaction in
            try transaction.insert(.legalCase, id: id, fields: [
                "community_id": .text("c01"), "adviser_id": .text("a017"), "date": .text("2026-11-01"),
                "title": .text("宅基地纠纷"), "status": .text("open"),
            ])
        }
        let update = try replica.write { try $0.update(.legalCase, id: id, fields: ["status": .text("in_progress")]) }
        let statusDot = opened.changes.first { $0.field == "status" }!.dot
        #expect(update.changes.map(\.context) == [[statusDot]])
        #expect(update.firstCounter == opened.lastCounter + 1)
        #expect(try replica.fetch(LegalCase.self, id: id)?.status == .inProgress)
    }

    @Test("a write whose transaction fails leaves neither state nor change behind")
    func failedTransactionLeavesNothing() throws {
        let kept = replica.newRecordID()
        try replica.write { try $0.insert(visit(kept)) }
        let digestBefore = try replica.digest(scopes: [.community("c01"), .community("c02")])
        let vectorsBefore = try replica.vectors()
        let logBefore = try replica.changeLogSize()

        struct Interrupted: Error {}
        let lost = replica.newRecordID()
        #expect(throws: Interrupted.self) {
            try replica.write { transaction in
                try transaction.insert(visit(lost))
                try transaction.insert(visit(replica.newRecordID(), community: "c02"))
                throw Interrupted()
            }
        }
        // A failure inside SQLite half-way through a batch: the second insert reuses an id.
        let duplicate = replica.newRecordID()
        #expect(throws: ReplicaError.self) {
            try replica.write { transaction in
                try transaction.insert(visit(duplicate))
                try transaction.insert(visit(duplicate))
            }
        }

        #expect(try replica.fetch(Visit.self, id: lost) == nil)
        #expect(try replica.fetch(Visit.self, id: duplicate) == nil)
        #expect(try replica.vectors() == vectorsBefore)
        #expect(try replica.changeLogSize() == logBefore)
        #expect(try replica.digest(scopes: [.community("c01"), .community("c02")]) == digestBefore)
        // The counters carry on without a gap.
        let next = try replica.write { try $0.insert(.visit, id: replica.newRecordID(), fields: visit(lost).fieldValues) }
        #expect(next.firstCounter == 6)
    }

    @Test("bad input is refused with a clear error and changes nothing", arguments: [
        (["hours": FieldValue.text("six")], ReplicaError.Code.invalidValue),
        (["mood": FieldValue.text("good")], ReplicaError.Code.unknownField),
        (["date": FieldValue.text("2026-02-30")], ReplicaError.Code.invalidValue),
        (["community_id": FieldValue.text("c02")], ReplicaError.Code.immutableField),
    ])
    func refusesBadUpdates(fields: [String: FieldValue], code: ReplicaError.Code) throws {
        let id = replica.newRecordID()
        try replica.write { try $0.insert(visit(id)) }
        let before = try replica.changeLogSize()
        let error = #expect(throws: ReplicaError.self) {
            try replica.write { try $0.update(.visit, id: id, fields: fields) }
        }
        #expect(error?.code == code)
        #expect(try replica.changeLogSize() == before)
        #expect(try replica.fetch(Visit.self, id: id) == visit(id))
    }

    @Test("a new record missing a required field, or an unknown record, is refused")
    func refusesIncompleteOrUnknown() throws {
        let missing = #expect(throws: ReplicaError.self) {
            try replica.write { try $0.insert(.visit, id: replica.newRecordID(), fields: ["community_id": .text("c01")]) }
        }
        #expect(missing?.code == .missingField)
        let unknown = #expect(throws: ReplicaError.self) {
            try replica.write { try $0.update(.visit, id: replica.newRecordID(), fields: ["hours": .real(1)]) }
        }
        #expect(unknown?.code == .recordNotFound)
        #expect(try replica.changeLogSize().groups == 0)
    }

    @Test("a replica reopens with its identity, records and counters")
    func reopens() throws {
        let id = replica.newRecordID()
        try replica.write { try $0.insert(visit(id)) }
        let reopened = try Replica.open(at: replica.path)
        #expect(reopened.id == replica.id)
        #expect(reopened.author == "a017")
        #expect(try reopened.fetch(Visit.self, id: id) == visit(id))
        let next = try reopened.write { try $0.insert(.visit, id: reopened.newRecordID(), fields: visit(id).fieldValues) }
        #expect(next.firstCounter == 6)
    }

    @Test("opening something that is not a replica says so")
    func refusesForeignFiles() throws {
        let path = directory.file("other.sqlite")
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE t (x)") }
        let error = #expect(throws: ReplicaError.self) { try Replica.open(at: path) }
        #expect(error?.code == .incompatibleReplica)
        #expect(throws: ReplicaError.self) { try Replica.open(at: directory.file("missing.sqlite")) }
    }
}
