import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Testing

/// A device and a hub one release apart, as protocol/SPEC.md ("Compatibility") has them meet:
/// the same change-set format, and a schema grown by one release — a field appended to a kind
/// and a kind added. Both sides run today's code with the schema of their release, which is
/// all that differs between releases of one format version.
@Suite("A device and a hub one release apart still sync")
struct VersionApartTests {
    /// The next release's schema: visits gain `travel_minutes`, and a new kind, `training`.
    static let grown: Schema = {
        let visit = RecordKind.visit
        let grownVisit = RecordKind(visit.rawValue, code: visit.storageCode, table: visit.tableName,
                                    fields: visit.fields + [FieldSpec("travel_minutes", .integer)], scope: visit.scope,
                                    ownership: visit.ownership, indexedFields: visit.indexedFields)
        let training = RecordKind("training", code: 40, fields: [
            FieldSpec("community_id", .reference, required: true, immutable: true), FieldSpec("adviser_id", .reference, required: true),
            FieldSpec("date", .date, required: true), FieldSpec("topic", .text),
        ], scope: .field("community_id"), ownership: .creator)
        let kinds = Schema.legalAdvice.kinds.map { $0 == visit ? grownVisit : $0 } + [training]
        do { return try Schema(kinds, alert: Schema.legalAdvice.alert) } catch { fatalError("\(error)") }
    }()

    @Test("a hub a release ahead: an older device's work all arrives; of the newer work it gets, only groups with the new field are set aside, and it goes on syncing")
    func hubAhead() async throws {
        let district = try District(hubSchema: Self.grown)
        let older = try district.join(.adviser, "a001", as: "a001-old")
        let newer = try district.join(.adviser, "a001", as: "a001-new", schema: Self.grown)
        let hub = InProcessTransport(hub: district.hub)
        var visits = Set<RecordID>()
        for _ in 0..<5 { visits.insert(try older.logVisit("c01")) }
        _ = try await older.sync(over: hub)
        // The newer laptop logs two plain visits and one with the new field.
        visits.insert(try newer.logVisit("c01"))
        visits.insert(try newer.logVisit("c02"))
        let travelled = try newer.logVisit("c01")
        try newer.replica.write { _ = try $0.update(.visit, id: travelled, fields: ["travel_minutes": .integer(40)]) }
        _ = try await newer.sync(over: hub)
        #expect(try district.hub.replica.records(.visit).count == 8)

        let summary = try await older.sync(over: hub)
        #expect(try older.pendingChanges() == 0)
        let held = try older.replica.setAsideEntries()
        #expect(held.count == 1 && held.allSatisfy { $0.code == "unknown_field" && $0.record == travelled.description }, "\(held)")
        // Everything else arrived: every visit, the travelled one with what its first group said.
        #expect(Set(try older.replica.records(.visit).map(\.id)) == visits.union([travelled]))
        #expect(summary.rounds >= 1)
        // Not wedged: the older device's next work still reaches the hub.
        let later = try older.logVisit("c02")
        _ = try await older.sync(over: hub)
        #expect(try older.pendingChanges() == 0)
        #expect(try district.hub.replica.record(.visit, id: later) != nil)
    }

    @Test("a device a release ahead: an older hub takes all but groups with the new field, keeps those in its set-aside list, and the device is told")
    func deviceAhead() async throws {
        let district = try District()
        let newer = try district.join(.adviser, "a001", as: "a001-new", schema: Self.grown)
        let hub = InProcessTransport(hub: district.hub)
        let plain = try newer.logVisit("c01")
        let travelled = try newer.logVisit("c02")
        try newer.replica.write { _ = try $0.update(.visit, id: travelled, fields: ["travel_minutes": .integer(25)]) }
        let summary = try await newer.sync(over: hub)
        #expect(summary.setAside == 1)
        #expect(try newer.pendingChanges() == 0)
        #expect(try district.hub.replica.record(.visit, id: plain) != nil)
        #expect(try district.hub.replica.record(.visit, id: travelled) != nil)
        let kept = try district.hub.replica.setAsideEntries()
        #expect(kept.map(\.code) == ["unknown_field"] && kept.map(\.record) == [travelled.description])
        #expect(try newer.replica.setAsideEntries().map(\.record) == [travelled.description])
    }

    @Test("a record of a kind the older hub lacks refuses the device's file whole, naming the kind; once the hub is upgraded the same work applies")
    func newKindWaitsForTheHub() async throws {
        let district = try District()
        let newer = try district.join(.adviser, "a001", as: "a001-new", schema: Self.grown)
        let before = try district.hubState()
        let visit = try newer.logVisit("c01")
        let training = try newer.replica.write { transaction in
            try transaction.insert(Self.grown.kind(named: "training")!, id: transaction.newRecordID(), fields: [
                "community_id": .text("c01"), "adviser_id": .text("a001"), "date": .text("2026-11-20"), "topic": .text("调解技巧"),
            ]).record
        }
        let refusal = await #expect(throws: SyncRefusal.self) { try await newer.sync(over: InProcessTransport(hub: district.hub)) }
        #expect(refusal?.code == .badFile && refusal?.message.contains("record kind 40") == true, "\(String(describing: refusal))")
        #expect(try district.hubState() == before)
        #expect(try newer.pendingChanges() > 0)

        // The bureau upgrades the hub: the same file, sent again, now applies.
        let upgraded = try Hub.open(home: district.directory.file("hub"), configuration: District.configuration, schema: Self.grown)
        _ = try await newer.sync(over: InProcessTransport(hub: upgraded))
        #expect(try newer.pendingChanges() == 0)
        #expect(try upgraded.replica.record(.visit, id: visit) != nil)
        #expect(try upgraded.replica.record(Self.grown.kind(named: "training")!, id: training) != nil)
    }
}
