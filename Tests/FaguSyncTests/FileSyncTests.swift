import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import Foundation
import Testing

@Suite("Sync by file (USB stick) and the nightly merge")
struct FileSyncTests {
    @Test("after export, merge and import, hub and devices hold equal digests per scope, conflict included")
    func fileSyncConverges() throws {
        let district = try District()
        let adviser = try district.join(.adviser, "a001", as: "a001")
        let office = try district.join(.office, "c01", as: "office-c01")
        // First exchange registers both keys and brings the roster and each other's work.
        let inbox = district.directory.file("inbox"), outbox = district.directory.file("outbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        let caseID = try adviser.openCase("c01", "宅基地相邻权纠纷")
        try adviser.logVisit("c01")
        try adviser.logVisit("c02", hours: 3)
        try office.logVisit("c01", hours: 2)
        _ = try adviser.export(to: inbox + "/a001.fagu")
        _ = try office.export(to: inbox + "/c01.fagu")
        let first = try NightlyMerge(hub: district.hub, inbox: inbox, outbox: outbox).run(day: "20261126")
        #expect(first.inbox.allSatisfy { $0.applied })
        #expect(Set(first.replies.map(\.file)) == ["a001-20261126.fagu", "c01-20261126.fagu"])
        _ = try adviser.importReply(from: outbox + "/a001-20261126.fagu")
        _ = try office.importReply(from: outbox + "/c01-20261126.fagu")
        #expect(try adviser.isRegistered() && office.isRegistered())

        // Both edit the case's status concurrently, offline.
        try adviser.replica.write { try $0.update(.legalCase, id: caseID, fields: ["status": .text("mediated")]) }
        try office.replica.write { try $0.update(.legalCase, id: caseID, fields: ["status": .text("referred")]) }
        _ = try adviser.export(to: inbox + "/a001-2.fagu")
        _ = try office.export(to: inbox + "/c01-2.fagu")
        _ = try NightlyMerge(hub: district.hub, inbox: inbox, outbox: outbox).run(day: "20261127")
        _ = try adviser.importReply(from: outbox + "/a001-20261127.fagu")
        _ = try office.importReply(from: outbox + "/c01-20261127.fagu")

        for scope in [ScopeID.community("c01"), .roster] {
            let hub = try district.hub.replica.digest(scopes: [scope])
            #expect(try adviser.replica.digest(scopes: [scope]) == hub)
            #expect(try office.replica.digest(scopes: [scope]) == hub)
        }
        #expect(try adviser.replica.digest(scopes: [.community("c02")]) == district.hub.replica.digest(scopes: [.community("c02")]))
        #expect(try district.hub.replica.openConflicts().map(\.field) == ["status"])
        #expect(try adviser.replica.openConflicts() == district.hub.replica.openConflicts())
        #expect(try adviser.pendingChanges() == 0)
    }

    @Test("a file applied twice, or before an earlier one, changes nothing more")
    func duplicatesAndDisorderAreHarmless() throws {
        let district = try District()
        let adviser = try district.join(.adviser, "a001", as: "a001")
        try adviser.logVisit("c01")
        let early = district.directory.file("early.fagu"), late = district.directory.file("late.fagu")
        _ = try adviser.export(to: early)
        let caseID = try adviser.openCase("c01", "赡养纠纷")
        try adviser.replica.write { try $0.update(.legalCase, id: caseID, fields: ["status": .text("in_progress")]) }
        _ = try adviser.export(to: late)   // carries everything again: the hub never acknowledged

        // The later file first (it also carries the earlier content), then both again.
        let lateBytes = [UInt8](FileManager.default.contents(atPath: late)!)
        let earlyBytes = [UInt8](FileManager.default.contents(atPath: early)!)
        _ = try district.hub.receive(lateBytes)
        let once = try district.hubState()
        let again = try district.hub.receive(lateBytes)
        let earlier = try district.hub.receive(earlyBytes)
        #expect(again.report.appliedGroups == 0 && earlier.report.appliedGroups == 0)
        #expect(try district.hubState().digest == once.digest)
        #expect(try district.hub.replica.digest(scopes: [.community("c01")]) == adviser.replica.digest(scopes: [.community("c01")]))

        // A reply imported twice is harmless on the device too.
        let reply = district.directory.file("reply.fagu")
        let answer = try district.hub.reply(to: try #require(try district.hub.replica.device(adviser.replica.id)),
                                            holding: adviser.replica.vectors(scopes: adviser.scopes))
        try Data(answer.file).write(to: URL(fileURLWithPath: reply))
        _ = try adviser.importReply(from: reply)
        let digest = try adviser.digest()
        #expect(try adviser.importReply(from: reply).receivedChanges == 0)
        #expect(try adviser.digest() == digest)
    }

    @Test("the merge sets a bad file aside with its reason and still applies the rest")
    func badFileIsSetAside() throws {
        let district = try District()
        let adviser = try district.join(.adviser, "a001", as: "a001")
        try adviser.logVisit("c01")
        let inbox = district.directory.file("inbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        _ = try adviser.export(to: inbox + "/b-good.fagu")
        try Data("not a change set".utf8).write(to: URL(fileURLWithPath: inbox + "/a-bad.fagu"))
        let report = try NightlyMerge(hub: district.hub, inbox: inbox, outbox: nil).run(day: "20261126")
        #expect(report.inbox.map(\.applied) == [false, true])
        #expect(report.inbox[0].reason?.contains("bad_file") == true)
        #expect(FileManager.default.fileExists(atPath: inbox + "/rejected/a-bad.fagu.reason.txt"))
        #expect(FileManager.default.fileExists(atPath: inbox + "/applied/b-good.fagu"))
        #expect(try district.hub.replica.records(.visit).count == 1)
    }

    @Test("an incident report is flagged at the hub the moment it arrives")
    func incidentsAreFlagged() throws {
        let district = try District()
        let adviser = try district.join(.adviser, "a001", as: "a001")
        let id = try adviser.replica.write { transaction in
            try transaction.insert(IncidentReport(id: transaction.newRecordID(), communityID: "c01", adviserID: "a001",
                                                  date: District.today, level: .mass, summary: "村民因征地补偿聚集，有群体性事件苗头"))
        }
        let file = district.directory.file("incident.fagu")
        _ = try adviser.export(to: file)
        let receipt = try district.hub.receive([UInt8](FileManager.default.contents(atPath: file)!))
        #expect(receipt.report.incidents == [id])
        let alerts = try district.hub.replica.incidentAlerts()
        #expect(alerts.map(\.record) == [id] && alerts.first?.level == "mass")
    }
}
