import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import Foundation
import Testing

@Suite("Partial replication and interrupted syncs")
struct ScopeAndInterruptionTests {
    @Test("an adviser's replica never receives records of communities it does not serve")
    func adviserSeesOnlyItsCommunities() async throws {
        let district = try District()
        let a001 = try district.join(.adviser, "a001", as: "a001")
        let a002 = try district.join(.adviser, "a002", as: "a002")
        let office = try district.join(.office, "c02", as: "office-c02")
        try a002.logVisit("c03")
        _ = try a002.openCase("c03", "土地承包纠纷")
        try a001.logVisit("c01")
        try office.logVisit("c02")
        let transport = InProcessTransport(hub: district.hub)
        for device in [a002, office, a001, a002, office] { _ = try await device.sync(over: transport) }
        #expect(try a001.scopes.map(\.name) == ["c01", "c02", "roster"])
        #expect(try a001.replica.scopes().allSatisfy { try a001.scopes.contains($0) })
        #expect(try a001.replica.records(.visit, community: "c03").isEmpty)
        #expect(try a001.replica.records(.legalCase).isEmpty)
        #expect(try office.replica.scopes().map(\.name) == ["c02", "roster"])
        #expect(try a001.replica.records(.visit).map { $0.fields["community_id"]?.text } .sorted { ($0 ?? "") < ($1 ?? "") } == ["c01", "c02"])
        #expect(try a002.replica.digest(scopes: [.community("c03")]) == district.hub.replica.digest(scopes: [.community("c03")]))
    }

    @Test("a sync cut before or after the hub applied loses nothing, and the next sync completes")
    func interruptedSyncCompletes() async throws {
        let district = try District()
        let device = try district.join(.adviser, "a001", as: "a001")
        for index in 0..<20 { try device.logVisit("c01", hours: Double(index % 6 + 1)) }
        await #expect(throws: InProcessTransport.Cut.self) {
            try await device.sync(over: InProcessTransport(hub: district.hub, fault: .beforeSending))
        }
        #expect(try district.hub.replica.records(.visit).isEmpty)
        await #expect(throws: InProcessTransport.Cut.self) {
            try await device.sync(over: InProcessTransport(hub: district.hub, fault: .afterHubApplied))
        }
        // The hub applied and registered the key, but the device never heard back.
        #expect(try district.hub.replica.records(.visit).count == 20)
        #expect(try !device.isRegistered() && device.pendingChanges() == 20 * 5)
        let summary = try await device.sync(over: InProcessTransport(hub: district.hub))
        #expect(summary.rounds == 1)
        #expect(try device.isRegistered() && device.pendingChanges() == 0)
        #expect(try device.digest() == district.hubDigest(for: device))
        #expect(try device.replica.syncAttempts().map(\.ok) == [true, false, false])
    }

    @Test("a large delta goes in pages, each a round trip, and converges")
    func pagedSync() async throws {
        let district = try District(pageLimit: 7)
        let a001 = try district.join(.adviser, "a001", as: "a001")
        let office = try district.join(.office, "c01", as: "office-c01")
        for _ in 0..<30 { try office.logVisit("c01") }
        for _ in 0..<25 { try a001.logVisit("c02") }
        let rounds = ProgressLog()
        let up = try await office.sync(over: InProcessTransport(hub: district.hub), pageLimit: 7) { rounds.add($0) }
        #expect(up.rounds >= 5 && up.sentChanges == 30 * 5)
        #expect(rounds.all.last?.more == false && rounds.all.dropLast().allSatisfy { $0.more })
        let down = try await a001.sync(over: InProcessTransport(hub: district.hub), pageLimit: 7)
        #expect(down.rounds >= 5)
        #expect(try a001.digest() == district.hubDigest(for: a001))
        _ = try await office.sync(over: InProcessTransport(hub: district.hub))
        #expect(try office.digest() == district.hubDigest(for: office))
    }
}

/// Progress reports collected from a sync.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [SyncProgress] = []
    func add(_ report: SyncProgress) { lock.withLock { reports.append(report) } }
    var all: [SyncProgress] { lock.withLock { reports } }
}

@Suite("Scopes follow the roster")
struct EndedAppointmentTests {
    @Test("after an appointment's grace period the device no longer receives the community; later work is set aside")
    func endedAppointmentClosesTheScope() async throws {
        let district = try District()
        let a001 = try district.join(.adviser, "a001", as: "a001")
        let office = try district.join(.office, "c02", as: "office-c02")
        _ = try await a001.sync(over: InProcessTransport(hub: district.hub))
        _ = try district.hub.writeRoster(communities: [], advisers: [], appointments: [
            Appointment(id: .code("a001@c02@2026-01-01"), adviserID: "a001", communityID: "c02", start: "2026-01-01",
                        end: "2026-06-30"),
        ])
        #expect(try district.hub.currentScopes(of: #require(try district.hub.replica.device(a001.replica.id))).map(\.name)
                == ["c01", "roster"])
        try office.logVisit("c02")
        _ = try await office.sync(over: InProcessTransport(hub: district.hub))
        _ = try await a001.sync(over: InProcessTransport(hub: district.hub))
        #expect(try a001.replica.records(.visit, community: "c02").isEmpty)
        try a001.logVisit("c02")   // dated today, months after the end: the write path does not police dates
        let summary = try await a001.sync(over: InProcessTransport(hub: district.hub))
        #expect(summary.rounds == 1)
        #expect(try a001.replica.setAsideEntries().map(\.code) == ["after_appointment"])
        #expect(try district.hub.replica.setAsideEntries(origin: a001.replica.id).map(\.code) == ["after_appointment"])
        #expect(try a001.pendingChanges() == 0)
        #expect(try a001.scopes.map(\.name) == ["c01", "roster"])
    }
}
