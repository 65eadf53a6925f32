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
