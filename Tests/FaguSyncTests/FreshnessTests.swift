import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Foundation
import Testing

@Suite("A replayed request earns nothing")
struct FreshnessTests {
    @Test("a request not newer than the last is refused replayed with no data; its new changes still apply, once")
    func replayedRequest() async throws {
        let district = try District()
        let device = try district.join(.adviser, "a001", as: "a001")
        _ = try await device.sync(over: InProcessTransport(hub: district.hub))          // registered
        let visit = try device.logVisit("c01")
        let old = try device.request().file                                             // carries the visit
        // A newer request reaches the hub first (carrying nothing).
        _ = try district.hub.exchange(try craftFile(from: device, home: district.directory.file("a001"), groups: [],
                                                    requestNumber: 100))
        let refusal = #expect(throws: SyncRefusal.self) { try district.hub.exchange(old) }
        #expect(refusal?.code == .replayed)
        #expect(try district.hub.replica.record(.visit, id: visit) != nil, "a late file loses nothing")
        let digest = try district.hubState().digest
        #expect(throws: SyncRefusal.self) { try district.hub.exchange(old) }
        #expect(try district.hubState().digest == digest, "applied once")

        // In the nightly merge a replayed file goes to rejected/ with its reason.
        let inbox = district.directory.file("inbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try Data(old).write(to: URL(fileURLWithPath: inbox + "/a001-old.fagu"))
        let merged = try NightlyMerge(hub: district.hub, inbox: inbox, outbox: nil).run(day: "20261127")
        #expect(merged.inbox.map(\.applied) == [false])
        let reason = try String(contentsOfFile: inbox + "/rejected/a001-old.fagu.reason.txt", encoding: .utf8)
        #expect(reason.hasPrefix("replayed"))
    }

    @Test("the last request delivered again (a merge cut off before filing it away) is filed as applied, not rejected")
    func lastRequestAgainIsFiled() throws {
        let district = try District()
        let device = try district.join(.adviser, "a001", as: "a001")
        try device.logVisit("c01")
        let inbox = district.directory.file("inbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        _ = try device.export(to: inbox + "/a001-1.fagu")
        let file = try Data(contentsOf: URL(fileURLWithPath: inbox + "/a001-1.fagu"))
        let first = try NightlyMerge(hub: district.hub, inbox: inbox, outbox: nil).run(day: "20261127")
        #expect(first.inbox.map(\.applied) == [true])
        // The merge was killed after its commit, before the move: the file is there again.
        try file.write(to: URL(fileURLWithPath: inbox + "/a001-1.fagu"))
        let digest = try district.hubState().digest
        let again = try NightlyMerge(hub: district.hub, inbox: inbox, outbox: nil).run(day: "20261127")
        #expect(again.inbox.map(\.applied) == [true])
        #expect(again.inbox.first?.reason == "already applied by an earlier merge")
        #expect(!FileManager.default.fileExists(atPath: inbox + "/rejected"))
        #expect(try district.hubState().digest == digest)
    }
}
