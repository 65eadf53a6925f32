import FaguMerge
import FaguDomain
import FaguModel
import FaguStore
import FaguTesting
import Foundation
import Testing

/// The seeds to run: `FAGU_PROPERTY_SEED` replays one; `FAGU_PROPERTY_SCHEDULES` sets how
/// many (1,000 by default, as in CI).
private let propertySeeds: [UInt64] = {
    let environment = ProcessInfo.processInfo.environment
    if let seed = environment["FAGU_PROPERTY_SEED"].flatMap(UInt64.init) { return [seed] }
    let count = environment["FAGU_PROPERTY_SCHEDULES"].flatMap(Int.init) ?? 1_000
    return (1...UInt64(max(count, 1))).map { $0 }
}()

@Suite("Convergence under random schedules")
struct ConvergencePropertyTests {
    @Test("after full exchange every replica has the same digest, the same open conflicts, and no value is lost",
          arguments: propertySeeds)
    func converges(seed: UInt64) throws {
        var schedule = try RandomSchedule(seed: seed)
        do {
            try schedule.run()
            let failures = try schedule.check()
            for failure in failures.prefix(5) {
                Issue.record("seed \(seed): \(failure) — replay with FAGU_PROPERTY_SEED=\(seed)")
            }
        } catch {
            Issue.record("seed \(seed): \(error) — replay with FAGU_PROPERTY_SEED=\(seed)")
        }
    }

    @Test("the schedules create the same appointment on several replicas and settle its fixed fields' conflicts")
    func schedulesReachConcurrentCreations() throws {
        var repeated = 0, choices = 0
        for seed in UInt64(1)...40 {
            var schedule = try RandomSchedule(seed: seed)
            try schedule.run()
            repeated += schedule.repeatedCreations
            choices += schedule.fixedFieldChoices
        }
        #expect(repeated >= 10)
        #expect(choices >= 5)
    }
}

