import FaguSimulation
import Foundation
import Testing

/// Seeds for the partition simulation in CI; `FAGU_SIM_SEEDS=N` runs more.
private let simulationSeeds: [UInt64] = Array(1...UInt64(ProcessInfo.processInfo.environment["FAGU_SIM_SEEDS"]
    .flatMap(Int.init) ?? 3))

@Suite("Partition simulator")
struct PartitionSimulationTests {
    /// A small district — two offices and four advisers' laptops — over two weeks: work of
    /// every kind, concurrent case edits, devices offline for days, communities cut off,
    /// round trips and stick files lost, doubled and late, appointments ended and added,
    /// the hub and devices restarted between steps. After a last round of clean syncs, every
    /// write is at the hub or set aside for the reason the ledger gives, and every device
    /// equals the hub in its scopes (``GuaranteeAudit``). `tools/sim` runs the same at any size.
    @Test("6 devices × 300 writes: every write accounted for, every device equal to the hub", arguments: simulationSeeds)
    func smallDistrictKeepsEveryGuarantee(seed: UInt64) async throws {
        let report = try await Simulation(plan: SimulationPlan(devices: 6, writes: 300, seed: seed, days: 14)).run()
        if let line = report.failureLine { Issue.record("\(line)\n\(report.text)") }
        // The run exercised what it claims to.
        let figures = report.figures
        #expect(figures.writes == 300 && figures.writesByKind.count == 10, "seed \(seed): \(figures.writesByKind)")
        #expect(figures.caseEdits > 0 && figures.syncs > 0 && figures.exports > 0 && figures.nightlyMerges > 0, "seed \(seed)")
        #expect(figures.lost.total > 0 && figures.duplicated.total > 0 && figures.reordered.total > 0, "seed \(seed)")
        #expect(figures.deviceRestarts > 0 && figures.hubRestarts > 0 && figures.offlineDeviceDays > 0, "seed \(seed)")
        #expect(figures.appointmentsEnded > 0 && figures.appointmentsAdded > 0, "seed \(seed)")
        #expect(figures.setAsideByCode["after_appointment", default: 0] > 0, "seed \(seed): \(figures.setAsideByCode)")
    }

    @Test("a plan out of range is refused with a sentence")
    func planOutOfRange() {
        #expect(throws: SimulationPlan.Invalid.self) { try SimulationPlan(devices: 2, writes: 10, seed: 1) }
        #expect(throws: SimulationPlan.Invalid.self) { try SimulationPlan(devices: 6, writes: 0, seed: 1) }
        #expect(throws: SimulationPlan.Invalid.self) { try SimulationPlan(devices: 6, writes: 10, seed: 1, days: 0) }
    }

    @Test("the layout: every third device an office, each adviser in two neighbouring communities")
    func layout() {
        let layout = DistrictLayout(devices: 6)
        #expect(layout.communities == ["c01", "c02", "c03"])
        #expect(layout.members.map(\.subject) == ["c01", "a001", "a002", "c02", "a003", "a004"])
        #expect(layout.appointments.filter { $0.adviser == "a003" }.map(\.community) == ["c03", "c01"])
        #expect(DistrictLayout(devices: 50).communities.count == 17)
    }
}
