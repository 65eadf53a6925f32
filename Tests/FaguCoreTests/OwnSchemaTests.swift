import FaguMerge
import FaguModel
import FaguStore
import FaguWire
import Foundation
import Testing

/// A field survey of village wells: nothing to do with legal advisers, declared here as data.
enum WellSurvey {
    /// A crop on the district's catalog: one fixed scope.
    static let crop = RecordKind("crop", code: 0, fields: [FieldSpec("name", .text, required: true)],
                                 scope: .fixed(ScopeID("catalog")))
    /// A well, shared by everyone in its village; its state is edited by several surveyors.
    static let well = RecordKind("well", code: 7, fields: [
        FieldSpec("village", .reference, required: true, immutable: true),
        FieldSpec("depth_m", .real, required: true),
        FieldSpec("state", .choice(["dry", "low", "good"]), required: true),
    ], scope: .field("village"), indexedFields: ["state"])
    /// One surveyor's reading, changed only by whoever took it.
    static let reading = RecordKind("reading", code: 9, fields: [
        FieldSpec("village", .reference, required: true, immutable: true),
        FieldSpec("well_id", .reference, required: true, immutable: true),
        FieldSpec("note", .text),
    ], scope: .field("village"), ownership: .creator)

    static let schema = try! Schema([crop, well, reading])
}

@Suite("The core keeps any schema declared as data")
struct OwnSchemaTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fagu-core-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func replica(_ name: String, schema: Schema = WellSurvey.schema) throws -> Replica {
        try Replica.create(at: directory.appendingPathComponent(name + ".sqlite").path, id: .random(), author: name,
                           schema: schema, configuration: ReplicaConfiguration(durability: .none))
    }

    /// Syncs two replicas directly through change-set files of `schema`, until both are done.
    func sync(_ first: Replica, _ second: Replica, scopes: [ScopeID]) throws {
        var sessions = (SyncSession(scopes: scopes), SyncSession(scopes: scopes))
        let decoder = ChangeSetDecoder(schema: WellSurvey.schema)
        func carry(_ message: SyncMessage, from sender: Replica) throws -> SyncMessage {
            let header = ChangeSetHeader(sender: sender.id, district: "test", scopes: scopes, vectors: message.vectors,
                                         schemaVersion: ReplicaSchema.version, createdAt: sender.now(), hasMore: message.more)
            let file = try decoder.decode(ChangeSetEncoder.encode(header: header, groups: message.groups))
            return SyncMessage(vectors: file.header.vectors, groups: file.groups, more: file.header.hasMore)
        }
        for _ in 0..<50 {
            var spoke = false
            if let message = try first.nextMessage(in: &sessions.0, pageLimit: 5) {
                try second.receive(carry(message, from: first), in: &sessions.1)
                spoke = true
            }
            if let message = try second.nextMessage(in: &sessions.1, pageLimit: 5) {
                try first.receive(carry(message, from: second), in: &sessions.0)
                spoke = true
            }
            if !spoke { return }
        }
        Issue.record("the sync did not finish")
    }

    @Test("two replicas write, sync peer to peer through change-set files and merge a concurrent edit, with a schema of their own")
    func writeSyncAndMerge() throws {
        let first = try replica("surveyor-1"), second = try replica("surveyor-2")
        let village = ScopeID("v12"), catalog = ScopeID("catalog")
        let wellID = try first.write { transaction in
            try transaction.insert(WellSurvey.crop, id: .code("rice"), fields: ["name": .text("水稻")])
            let id = transaction.newRecordID()
            try transaction.insert(WellSurvey.well, id: id, fields: ["village": .text("v12"), "depth_m": .real(18.5),
                                                                      "state": .text("good")])
            return id
        }
        try sync(first, second, scopes: [village, catalog])
        // Both surveyors see the same well and record its state without seeing each other.
        try first.write { try $0.update(WellSurvey.well, id: wellID, fields: ["state": .text("low")]) }
        try second.write { try $0.update(WellSurvey.well, id: wellID, fields: ["state": .text("dry")]) }
        for index in 0..<12 {
            try second.write { transaction in
                try transaction.insert(WellSurvey.reading, id: transaction.newRecordID(), fields: [
                    "village": .text("v12"), "well_id": .text(wellID.description), "note": .text("第\(index)次读数"),
                ])
            }
        }
        try sync(first, second, scopes: [village, catalog])

        #expect(try first.digest(scopes: [village, catalog]) == second.digest(scopes: [village, catalog]))
        #expect(try first.records(WellSurvey.reading).count == 12)
        #expect(try first.record(WellSurvey.crop, id: .code("rice"))?.fields["name"] == .text("水稻"))
        let conflicts = try first.openConflicts()
        #expect(conflicts.map(\.record) == [wellID])
        #expect(Set(conflicts.first?.register.entries.map(\.value) ?? []) == [.text("low"), .text("dry")])
        // The schema's rules hold: a reading is changed by its creator only.
        let reading = try #require(try first.records(WellSurvey.reading).first)
        let refusal = #expect(throws: ReplicaError.self) {
            try first.write { try $0.update(WellSurvey.reading, id: reading.id, fields: ["note": .text("改")]) }
        }
        #expect(refusal?.code == .notOwner)
        try second.write { try $0.update(WellSurvey.reading, id: reading.id, fields: ["note": .text("复核")]) }
    }

    @Test("a kind the replica's schema lacks is refused; a field appended to a kind becomes a column when the file is opened")
    func schemaEvolves() throws {
        let path = directory.appendingPathComponent("evolving.sqlite").path
        let first = try Replica.create(at: path, id: .random(), author: "s1", schema: WellSurvey.schema)
        let foreign = RecordKind("pump", code: 20, fields: [FieldSpec("village", .reference, required: true)], scope: .field("village"))
        let refusal = #expect(throws: ReplicaError.self) {
            try first.write { try $0.insert(foreign, id: $0.newRecordID(), fields: ["village": .text("v1")]) }
        }
        #expect(refusal?.code == .unknownKind)
        let wellID = try first.write { transaction in
            let id = transaction.newRecordID()
            try transaction.insert(WellSurvey.well, id: id, fields: ["village": .text("v1"), "depth_m": .real(3), "state": .text("dry")])
            return id
        }
        try first.close()

        let deeper = RecordKind("well", code: 7, fields: WellSurvey.well.fields + [FieldSpec("owner", .text)],
                                scope: .field("village"), indexedFields: ["state"])
        let grown = try Schema([WellSurvey.crop, deeper, WellSurvey.reading, foreign])
        let reopened = try Replica.open(at: path, schema: grown)
        try reopened.write { try $0.update(deeper, id: wellID, fields: ["owner": .text("村委会")]) }
        try reopened.write { try $0.insert(foreign, id: $0.newRecordID(), fields: ["village": .text("v1")]) }
        #expect(try reopened.record(deeper, id: wellID)?.fields["owner"] == .text("村委会"))
        #expect(try reopened.record(deeper, id: wellID)?.fields["state"] == .text("dry"))
    }

    @Test("a schema that names a code, a kind or a field twice is refused")
    func invalidSchemas() {
        #expect(throws: SchemaError.self) { try Schema([WellSurvey.crop, RecordKind("other", code: 0, fields: [FieldSpec("x", .text)], scope: .fixed(ScopeID("a")))]) }
        #expect(throws: SchemaError.self) { try Schema([RecordKind("twice", code: 1, fields: [FieldSpec("x", .text), FieldSpec("x", .text)], scope: .fixed(ScopeID("a")))]) }
        #expect(throws: SchemaError.self) { try Schema([RecordKind("unscoped", code: 1, fields: [FieldSpec("x", .text)], scope: .field("village"))]) }
    }
}
