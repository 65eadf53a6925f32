import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import FaguWire
import Foundation
import Synchronization
import Testing

/// The hub is upgraded first (SPEC.md, "Compatibility"), so it answers every device in the
/// change-set format of the device's own request: a device of a release before 3.0 — stood for
/// here by one that writes its requests in 2.0 — gets 2.0 replies, over HTTP and by USB; a
/// device of this release (``ChangeSetVersion/current``, 4.0) gets replies in that.
@Suite("The hub answers each device in its own format version")
struct FormatVersionTests {
    /// The major version this release writes.
    let current = ChangeSetVersion.current.major

    @Test("a 2.0 request gets a 2.0 reply and a request in the current version a reply in it, in an exchange and in the nightly merge; a device that moves to the current version is answered in it from then on")
    func replyInTheRequestsVersion() throws {
        let district = try District()
        let old = try district.join(.adviser, "a001", as: "a001")
        let new = try district.join(.office, "c01", as: "office-c01")
        let visit = try old.logVisit("c01", note: "旧版本设备的走访")
        try new.logVisit("c01", hours: 2)

        let oldRequest = try old.request(version: .v2)
        #expect(Array(oldRequest.file[4...5]) == [2, 0])
        let oldReply = try district.hub.exchange(oldRequest.file).reply.file
        #expect(Array(oldReply[4...5]) == [2, 0], "a 2.0 request is answered in 2.0")
        _ = try old.accept(oldReply)
        let newRequest = try new.request()
        #expect(Array(newRequest.file[4...5]) == [current, 0])
        let newReply = try district.hub.exchange(newRequest.file).reply.file
        #expect(Array(newReply[4...5]) == [current, 0], "a request in the current version is answered in it")
        _ = try new.accept(newReply)
        #expect(try district.hub.replica.device(old.replica.id)?.formatMajor == 2)
        #expect(try district.hub.replica.device(new.replica.id)?.formatMajor == current)

        // The nightly merge writes every reply from what the hub keeps: the same versions,
        // also for a device that sent nothing that night.
        try old.replica.write { try $0.update(.visit, id: visit, fields: ["note": .text("补记：当事人已和解")]) }
        let inbox = district.directory.file("inbox"), outbox = district.directory.file("outbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        _ = try old.export(to: inbox + "/a001.fagu", version: .v2)
        let merged = try NightlyMerge(hub: district.hub, inbox: inbox, outbox: outbox).run(day: "20261126")
        #expect(merged.inbox.count == 1 && merged.inbox.allSatisfy { $0.applied })
        let oldFile = try #require(FileManager.default.contents(atPath: outbox + "/a001-20261126.fagu"))
        let newFile = try #require(FileManager.default.contents(atPath: outbox + "/c01-20261126.fagu"))
        #expect(Array(oldFile[4...5]) == [2, 0])
        #expect(Array(newFile[4...5]) == [current, 0])
        _ = try old.importReply(from: outbox + "/a001-20261126.fagu")
        _ = try new.importReply(from: outbox + "/c01-20261126.fagu")

        // Upgraded, the old device writes the current version and is answered in it.
        let upgradedReply = try district.hub.exchange(old.request().file).reply.file
        #expect(Array(upgradedReply[4...5]) == [current, 0])
        _ = try old.accept(upgradedReply)
        #expect(try district.hub.replica.device(old.replica.id)?.formatMajor == current)
        let c01 = ScopeID.community("c01")
        #expect(try old.replica.digest(scopes: [c01]) == district.hub.replica.digest(scopes: [c01]))
        #expect(try new.replica.digest(scopes: [c01]) == district.hub.replica.digest(scopes: [c01]))
    }

    @Test("a device of this release syncing with a hub that reads only 2.0 (a release before 3.0) steps down to 2.0 and converges")
    func olderHubIsSpokenToInTwoPointZero() async throws {
        let district = try District()
        let device = try district.join(.adviser, "a001", as: "a001")
        let office = try district.join(.office, "c01", as: "office-c01")
        try device.logVisit("c01", note: "升级后的设备，旧版本的区中心")
        try office.logVisit("c01", hours: 2)
        _ = try await office.sync(over: DirectTransport(hub: district.hub))
        // The same hub files, read as a release before 3.0 reads them: 2.0 only.
        let olderHub = try Self.hub(of: district, reading: [.v2])
        let refused = #expect(throws: SyncRefusal.self) { _ = try olderHub.exchange(device.request().file) }
        #expect(refused?.isUnreadableVersion == true)
        // Inspecting a file of this release, a reader of 2.0 only calls its version unsupported, as decoding does.
        let inspected = ChangeSetInspection(file: try device.request().file,
                                            decoder: ChangeSetDecoder(limits: ChangeSetLimits(versions: [.v2]), schema: .legalAdvice))
        #expect(inspected.versionSupported == false && inspected.error?.code == .unsupportedVersion)

        let summary = try await device.sync(over: DirectTransport(hub: olderHub))
        #expect(summary.sentChanges > 0 && summary.receivedChanges > 0)
        #expect(try olderHub.replica.device(device.replica.id)?.formatMajor == 2)
        #expect(try device.replica.syncAttempts(limit: 1).first?.message.contains("format 2.0") == true)
        let c01 = ScopeID.community("c01")
        #expect(try device.replica.digest(scopes: [c01]) == olderHub.replica.digest(scopes: [c01]))
        #expect(try device.pendingChanges() == 0)

        // Only a refusal of the version moves a sync a version down, each version once: one of
        // 2.0 as well stands, and so does any other refusal of the file (too large, cut off, …),
        // in the current version.
        try device.logVisit("c01", hours: 1)
        let versionRefused = RefusingTransport(message: { "unsupported_version: format version \($0).0 is not understood" })
        await #expect(throws: SyncRefusal.self) { _ = try await device.sync(over: versionRefused) }
        #expect(versionRefused.versions.withLock { $0 } == ChangeSetVersion.allCases.reversed().map(\.major))
        let tooLarge = RefusingTransport(message: { _ in "too_large: the file is over the limit" })
        await #expect(throws: SyncRefusal.self) { _ = try await device.sync(over: tooLarge) }
        #expect(tooLarge.versions.withLock { $0 } == [current])
    }

    @Test("a device of this release syncing with a hub that reads 2.0 and 3.0 (a release before 4.0) goes on in 3.0, not 2.0, and converges")
    func olderHubIsSpokenToInThreePointZero() async throws {
        let district = try District()
        let device = try district.join(.adviser, "a001", as: "a001")
        let office = try district.join(.office, "c01", as: "office-c01")
        for day in 0..<3 { try device.logVisit("c01", hours: Double(1 + day), note: "区中心还是 3.0 版本") }
        try office.logVisit("c01", hours: 2)
        _ = try await office.sync(over: DirectTransport(hub: district.hub))
        let olderHub = try Self.hub(of: district, reading: [.v2, .v3])
        let summary = try await device.sync(over: DirectTransport(hub: olderHub))
        #expect(summary.sentChanges > 0 && summary.receivedChanges > 0)
        #expect(try olderHub.replica.device(device.replica.id)?.formatMajor == 3)
        #expect(try device.replica.syncAttempts(limit: 1).first?.message.contains("format 3.0") == true)
        let c01 = ScopeID.community("c01")
        #expect(try device.replica.digest(scopes: [c01]) == olderHub.replica.digest(scopes: [c01]))
        #expect(try device.pendingChanges() == 0)
    }

    /// The district's hub files opened as an older release opens them: reading only `versions`.
    static func hub(of district: District, reading versions: Set<ChangeSetVersion>) throws -> Hub {
        try Hub.open(home: district.directory.file("hub"), configuration: district.configuration,
                     limits: ChangeSetLimits(versions: versions))
    }

    /// A hub that refuses every request as a bad file, noting the version of each.
    private final class RefusingTransport: SyncTransport {
        let message: @Sendable (UInt8) -> String
        let versions = Mutex<[UInt8]>([])
        init(message: @escaping @Sendable (UInt8) -> String) { self.message = message }
        var peerDescription: String { "a hub that refuses everything" }
        func exchange(_ request: [UInt8]) async throws -> [UInt8] {
            versions.withLock { $0.append(request[4]) }
            throw SyncRefusal(.badFile, message(request[4]))
        }
    }

    @Test("a replayed 2.0 request does not move a device's replies back to 2.0")
    func replayKeepsTheFormat() throws {
        let district = try District()
        let device = try district.join(.adviser, "a001", as: "a001")
        try device.logVisit("c01")
        let early = try device.request(version: .v2).file
        _ = try device.accept(district.hub.exchange(early).reply.file)
        _ = try device.accept(district.hub.exchange(device.request().file).reply.file)
        #expect(try district.hub.replica.device(device.replica.id)?.formatMajor == current)
        let replayed = #expect(throws: SyncRefusal.self) { _ = try district.hub.exchange(early) }
        #expect(replayed?.code == .replayed)
        #expect(try district.hub.replica.device(device.replica.id)?.formatMajor == current)
    }
}
