import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Testing

/// `appointment.over_limit_reason`, the first field appended to a kind of the legal-advice
/// schema: what a device of an older build, whose schema lacks it, does with the roster.
@Suite("A field appended to a kind reaches devices of an older build")
struct AppendedFieldTests {
    /// The legal-advice schema as released, before `over_limit_reason` was appended.
    static func released() throws -> Schema {
        let kinds = Schema.legalAdvice.kinds.map { kind in
            guard kind == .appointment else { return kind }
            return RecordKind(kind.rawValue, code: kind.storageCode, table: kind.tableName,
                              fields: kind.fields.filter { !Appointment.appendedFields.contains($0.name) },
                              scope: kind.scope, ownership: kind.ownership, indexedFields: kind.indexedFields)
        }
        return try Schema(kinds, alert: Schema.legalAdvice.alert)
    }

    @Test("an older device holds every appointment and sets aside only the reason, which upgrading does not bring back")
    func olderDeviceSetsAsideOnlyTheReason() async throws {
        let district = try TestDistrict()
        let hub = district.hub
        let older = try district.join(.adviser, "a001", as: "a001-old", schema: try Self.released())
        // A reason added to an appointment already on the roster, and a new appointment with one.
        var appointments = try hub.replica.typedRecords(Appointment.self)
        let first = try #require(appointments.firstIndex { $0.adviserID == "a001" })
        appointments[first].overLimitReason = "区司法局指定兼任"
        appointments.append(Appointment(id: .code("a001@c03@2026-01-01"), adviserID: "a001", communityID: "c03",
                                        start: "2026-01-01", serviceHours: "周五", overLimitReason: "偏远村居无人应聘"))
        let write = try hub.writeRoster(communities: [], advisers: [], appointments: appointments)
        #expect(write.created == 1 && write.updated == 1)

        _ = try await older.sync(over: InProcessTransport(hub: hub))
        // Two groups set aside, each the reason alone; every appointment held, c03 served.
        let setAside = try older.replica.setAsideEntries()
        #expect(setAside.map(\.code) == ["unknown_field", "unknown_field"], "\(setAside)")
        #expect(Set(setAside.map(\.record)) == [appointments[first].id.description, "a001@c03@2026-01-01"])
        let kind = try #require(try Self.released().kind(named: "appointment"))
        #expect(try Set(older.replica.records(kind).map(\.id)) == Set(appointments.map(\.id)))
        #expect(try older.communityScopes.contains(.community("c03")))
        // Not wedged: its work in the new community reaches the hub.
        let visit = try older.logVisit("c03")
        _ = try await older.sync(over: InProcessTransport(hub: hub))
        #expect(try older.pendingChanges() == 0 && hub.replica.record(.visit, id: visit) != nil)

        // Upgraded, the device has the column, but the reasons' dots are taken: they stay aside.
        try older.replica.close()
        let upgraded = try FieldReplica.open(home: district.directory.file("a001-old"), configuration: district.configuration)
        _ = try await upgraded.sync(over: InProcessTransport(hub: hub))
        #expect(try upgraded.replica.typedRecords(Appointment.self).allSatisfy { $0.overLimitReason == nil })
        #expect(try upgraded.replica.setAsideCount() == 2)
    }

    @Test("a device of today's build receives the reason with the appointment")
    func currentDeviceHoldsTheReason() throws {
        let district = try TestDistrict()
        var appointments = try district.hub.replica.typedRecords(Appointment.self)
        appointments[0].overLimitReason = "区司法局指定兼任"
        _ = try district.hub.writeRoster(communities: [], advisers: [], appointments: appointments)
        let device = try district.join(.adviser, "a001", as: "a001")
        _ = try device.accept(district.hub.exchange(device.request().file).reply.file)
        let held = try device.replica.typedRecords(Appointment.self)
        #expect(held.first { $0.id == appointments[0].id }?.overLimitReason == "区司法局指定兼任")
        #expect(try device.replica.setAsideCount() == 0)
    }
}
