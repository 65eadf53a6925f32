import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Foundation
import Testing

@Suite("Device clocks are not trusted for R6")
struct DeviceClockTests {
    @Test("an incident report timed in the future shows no delay and is flagged; an honest one shows its delay")
    func futureTimeIsFlagged() async throws {
        let hubClock = CalendarClock(day: "2026-11-27")
        let district = try District(clock: hubClock)
        let honest = try district.join(.adviser, "a001", as: "a001")
        _ = try district.enroll(.adviser, "a002", as: "a002")
        // The forger's laptop claims next week; the honest one wrote yesterday.
        var ahead = district.configuration
        ahead.clock = CalendarClock(day: "2026-12-04")
        let forged = try FieldReplica.open(home: district.directory.file("a002"), configuration: ahead)
        hubClock.set(day: "2026-11-26")
        let late = try honest.replica.write { transaction in
            try transaction.insert(IncidentReport(id: transaction.newRecordID(), communityID: "c01", adviserID: "a001",
                                                  date: "2026-11-26", level: .mass, summary: "征地补偿聚集"))
        }
        let hidden = try forged.replica.write { transaction in
            try transaction.insert(IncidentReport(id: transaction.newRecordID(), communityID: "c03", adviserID: "a002",
                                                  date: "2026-11-26", level: .major, summary: "拆迁安置纠纷"))
        }
        hubClock.set(day: "2026-11-27")
        _ = try await honest.sync(over: InProcessTransport(hub: district.hub))
        _ = try await forged.sync(over: InProcessTransport(hub: district.hub))
        let alerts = Dictionary(uniqueKeysWithValues: try district.hub.replica.incidentAlerts().map { ($0.record, $0) })
        #expect(alerts[late]?.delayMinutes == 24 * 60)
        #expect(alerts[late]?.deviceClockAhead == false)
        #expect(alerts[hidden]?.delayMinutes == 0)
        #expect(alerts[hidden]?.deviceClockAhead == true)
    }
}

@Suite("A device clock ahead of the hub does not win conflicts")
struct ClockClampTests {
    @Test("a write time beyond the hub's clock is ordered by the hub's receipt time and flagged; every replica shows the same value")
    func farFutureTimeIsClamped() async throws {
        let hubClock = CalendarClock(day: "2026-11-27")
        let district = try District(clock: hubClock)
        let adviser = try district.join(.adviser, "a001", as: "a001")
        _ = try district.enroll(.office, "c01", as: "c01")
        // The office's laptop is a year ahead.
        var ahead = district.configuration
        ahead.clock = CalendarClock(day: "2027-11-27")
        let office = try FieldReplica.open(home: district.directory.file("c01"), configuration: ahead)
        let hub = InProcessTransport(hub: district.hub)
        let caseID = try adviser.openCase("c01", "宅基地纠纷")
        _ = try await adviser.sync(over: hub)
        _ = try await office.sync(over: hub)
        try office.replica.write { try $0.update(.legalCase, id: caseID, fields: ["status": .text("mediated")]) }
        _ = try await office.sync(over: hub)
        // Written after the hub received the office's change, without having seen it.
        try adviser.replica.write { try $0.update(.legalCase, id: caseID, fields: ["status": .text("referred")]) }
        _ = try await adviser.sync(over: hub)
        _ = try await office.sync(over: hub)

        for replica in [district.hub.replica, adviser.replica, office.replica] {
            #expect(try replica.record(.legalCase, id: caseID)?.fields["status"] == .text("referred"), "\(replica.path)")
            #expect(try replica.openConflicts().count == 1, "\(replica.path)")
        }
        #expect(try adviser.digest() == office.digest())
        #expect(try district.hubDigest(for: office) == office.digest())
        let flagged = try #require(try district.hub.replica.device(office.replica.id))
        #expect(try #require(flagged.clockAheadBy) > 360 * 86_400_000)
        #expect(flagged.clockAheadAt != nil)
        #expect(try district.hub.replica.device(adviser.replica.id)?.clockAheadBy == nil)
    }
}
