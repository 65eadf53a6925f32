import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Foundation
import Testing

/// Seeds for the hub convergence property; `FAGU_HUB_SCHEDULES` runs more.
private let hubSeeds: [UInt64] = Array(1...UInt64(ProcessInfo.processInfo.environment["FAGU_HUB_SCHEDULES"].flatMap(Int.init) ?? 25))

@Suite("Convergence through the hub, under random sync schedules")
struct HubConvergenceProperty {
    /// Random work on three devices sharing c01 (two advisers' laptops and the office),
    /// delivered by random means — round trips, files carried late or twice, round trips cut
    /// before or after the hub applied — then a final sync each: every device holds exactly
    /// the hub's state of each of its scopes, conflicts included.
    @Test("devices and hub converge whatever the order, duplication or interruption of delivery", arguments: hubSeeds)
    func converges(seed: UInt64) async throws {
        var random = SeededGenerator(seed: seed)
        let district = try District()
        _ = try district.hub.writeRoster(communities: [], advisers: [], appointments: [
            Appointment(id: .code("a002@c01@2026-01-01"), adviserID: "a002", communityID: "c01", start: "2026-01-01"),
        ])
        let devices = [try district.join(.adviser, "a001", as: "a001"), try district.join(.adviser, "a002", as: "a002"),
                       try district.join(.office, "c01", as: "office")]
        var carried: [[UInt8]] = []
        var cases: [RecordID] = []
        for _ in 0..<40 {
            let device = devices[Int.random(in: 0..<devices.count, using: &random)]
            switch Int.random(in: 0..<10, using: &random) {
            case 0...2:
                try device.logVisit("c01", hours: Double(Int.random(in: 1...8, using: &random)))
            case 3:
                cases.append(try device.openCase("c01", "纠纷\(cases.count)"))
            case 4...5:
                // Edit a case this device holds, concurrently with whoever else does.
                let held = try cases.filter { try device.replica.record(.legalCase, id: $0) != nil }
                if let target = held.randomElement(using: &random) {
                    let status = LegalCase.Status.allCases.randomElement(using: &random)!
                    try device.replica.write { try $0.update(.legalCase, id: target, fields: ["status": .text(status.rawValue)]) }
                }
            case 6:
                _ = try await device.sync(over: InProcessTransport(hub: district.hub))
            case 7:
                let fault: InProcessTransport.Fault = Bool.random(using: &random) ? .beforeSending : .afterHubApplied
                await #expect(throws: InProcessTransport.Cut.self, "seed \(seed)") {
                    try await device.sync(over: InProcessTransport(hub: district.hub, fault: fault))
                }
            case 8:
                carried.append(try device.request().file)
            default:
                // A file carried earlier arrives now, perhaps for the second time.
                if let file = carried.randomElement(using: &random) { _ = try district.hub.receive(file) }
            }
        }
        for file in carried.shuffled(using: &random) { _ = try district.hub.receive(file) }
        for _ in 0..<2 {
            for device in devices { _ = try await device.sync(over: InProcessTransport(hub: district.hub)) }
        }
        for device in devices {
            for scope in try device.scopes {
                #expect(try device.replica.digest(scopes: [scope]) == district.hub.replica.digest(scopes: [scope]),
                        "seed \(seed): \(device.subject) differs from the hub in \(scope)")
            }
            #expect(try device.pendingChanges() == 0, "seed \(seed)")
            #expect(try device.replica.openConflicts() == district.hub.replica.openConflicts().filter { conflict in
                try device.replica.record(conflict.kind, id: conflict.record) != nil
            }, "seed \(seed)")
        }
        #expect(try district.hub.replica.heldBackCount() == 0, "seed \(seed)")
    }
}
