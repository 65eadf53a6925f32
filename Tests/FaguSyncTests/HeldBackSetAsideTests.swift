import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Foundation
import Testing

/// Found by the partition simulator (with the retry of lost requests broken, so devices'
/// groups reached the hub after a gap): a group the hub's screen sets aside while it is held
/// back, waiting for an earlier group, was stored in `pending_group` already voided and without
/// its content, and applied on release as one that *arrived* set aside — its dots taken, never
/// listed, the device never told. It is now listed when it is held back, with its content.
@Suite("Set aside while held back")
struct HeldBackSetAsideTests {
    @Test("a group set aside while it waits for an earlier one is listed at the hub and on the device")
    func setAsideWhileHeldBackIsListed() async throws {
        let clock = CalendarClock(day: "2026-06-20")
        let district = try District(clock: clock)
        _ = try district.hub.writeRoster(communities: [], advisers: [], appointments: [
            Appointment(id: .code("a001@c02@2026-01-01"), adviserID: "a001", communityID: "c02", start: "2026-01-01",
                        end: "2026-06-30"),
        ])
        let a001 = try district.join(.adviser, "a001", as: "a001")
        _ = try await a001.sync(over: InProcessTransport(hub: district.hub))
        clock.set(day: "2026-07-02")
        let within = Visit(id: a001.replica.newRecordID(), communityID: "c02", adviserID: "a001", date: "2026-06-29", hours: 2)
        let after = Visit(id: a001.replica.newRecordID(), communityID: "c02", adviserID: "a001", date: "2026-07-02", hours: 3)
        let first = try a001.replica.write { try $0.insert(.visit, id: within.id, fields: within.fieldValues) }
        let second = try a001.replica.write { try $0.insert(.visit, id: after.id, fields: after.fieldValues) }
        let home = district.directory.file("a001")
        // The later group arrives first and is held back; then the earlier one releases it.
        let early = try district.hub.receive(craftFile(from: a001, home: home, groups: [second], requestNumber: 10))
        #expect(early.report.heldBackGroups == 1)
        _ = try district.hub.receive(craftFile(from: a001, home: home, groups: [first], requestNumber: 11))
        try a001.replica.setMetadata(["request_number": "20"])   // past the crafted files' numbers
        _ = try await a001.sync(over: InProcessTransport(hub: district.hub))
        #expect(try district.hub.replica.record(.visit, id: within.id) != nil)
        #expect(try district.hub.replica.record(.visit, id: after.id) == nil)
        #expect(try a001.pendingChanges() == 0)
        let listedAtHub = try district.hub.replica.setAsideEntries(origin: a001.replica.id).map(\.code)
        let listedOnDevice = try a001.replica.setAsideEntries().map(\.code)
        #expect(listedAtHub == ["after_appointment"])
        #expect(listedOnDevice == ["after_appointment"])
    }
}
