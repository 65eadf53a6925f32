import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Foundation
import Testing

@Suite("Only the right device writes a work log")
struct OwnershipTests {
    func sync(_ device: FieldReplica, _ district: District) async throws {
        _ = try await device.sync(over: InProcessTransport(hub: district.hub))
    }

    @Test("another device cannot change an adviser's visit, on the device or at the hub; the hub may correct it")
    func anotherAdvisersLog() async throws {
        let district = try District()
        let a001 = try district.join(.adviser, "a001", as: "a001")
        let office = try district.join(.office, "c01", as: "office")
        let visit = try a001.logVisit("c01", hours: 6)
        try await sync(a001, district)
        try await sync(office, district)
        try await sync(office, district)   // registered, and holds a001's visit

        // On the device: a clear refusal, nothing written.
        let local = #expect(throws: ReplicaError.self) {
            try office.replica.write { try $0.update(.visit, id: visit, fields: ["hours": .real(0.5)]) }
        }
        #expect(local?.code == .notOwner)
        let fixed = #expect(throws: ReplicaError.self) {
            try a001.replica.write { try $0.update(.visit, id: visit, fields: ["adviser_id": .text("a002")]) }
        }
        #expect(fixed?.code == .immutableField, "who logged it is fixed at creation, even for its creator")

        // At the hub: a forged change from the office's own key is set aside as not_owner.
        let head = try office.replica.chainHeads(of: office.replica.id, scopes: [.community("c01")])[.community("c01")]
        let counter = try office.replica.vectors(scopes: [.community("c01")])[.community("c01")][office.replica.id]
        let forged = ChangeGroup(origin: office.replica.id, scope: .community("c01"), kind: .visit, record: visit,
                                 firstCounter: counter + 1, time: office.replica.now(), author: "office:c01",
                                 fields: [FieldChange(field: "hours", value: .real(0.5))], previousHash: head?.hash ?? GroupHash.genesis)
        let receipt = try district.hub.receive(try craftFile(from: office, home: district.directory.file("office"), groups: [forged]))
        #expect(receipt.report.setAside.map { $0.setAside?.code } == ["not_owner"])
        #expect(try district.hub.replica.fetch(Visit.self, id: visit)?.hours == 6)

        // The hub, correcting, may; the correction reaches the adviser's device.
        try district.hub.replica.write { try $0.update(.visit, id: visit, fields: ["hours": .real(4)]) }
        try await sync(a001, district)
        #expect(try a001.replica.fetch(Visit.self, id: visit)?.hours == 4)
        #expect(try a001.replica.setAsideEntries().isEmpty)
    }

    @Test("an office may log work only of an adviser appointed to its community on the work's date")
    func officeLogsForAppointedAdvisers() async throws {
        let district = try District()
        let office = try district.join(.office, "c01", as: "office")
        let appointed = try office.logVisit("c01", adviser: "a001")
        let stranger = try office.logVisit("c01", adviser: "a002")     // a002 serves c03 only
        try await sync(office, district)
        #expect(try district.hub.replica.record(.visit, id: appointed) != nil)
        #expect(try district.hub.replica.record(.visit, id: stranger) == nil)
        #expect(try office.replica.setAsideEntries().map(\.code) == ["adviser_not_appointed"])
    }
}
