import Foundation

/// The outcome of a simulation run: the plan, the figures, and every guarantee found
/// broken — none when the run passed.
public struct SimulationReport: Sendable, Codable {
    /// The plan run.
    public var plan: SimulationPlan
    /// What happened.
    public var figures: SimulationFigures
    /// Every guarantee found broken, each a sentence; empty when the run passed.
    public var failures: [String]
    /// The last simulated day, `YYYY-MM-DD`.
    public var lastDay: String
    /// Wall time of the whole run (setup, schedule, last syncs, audit), in seconds.
    public var seconds: Double

    /// A report from its parts.
    public init(plan: SimulationPlan, figures: SimulationFigures, failures: [String], lastDay: String, seconds: Double) {
        self.plan = plan
        self.figures = figures
        self.failures = failures
        self.lastDay = lastDay
        self.seconds = seconds
    }

    /// Whether every guarantee held.
    public var passed: Bool { failures.isEmpty }

    /// Writes per second of wall time.
    public var writesPerSecond: Double { seconds > 0 ? Double(figures.writes) / seconds : 0 }

    /// One line saying why the run failed and how to replay it; nil when it passed.
    public var failureLine: String? {
        guard let first = failures.first else { return nil }
        return "seed \(plan.seed): \(failures.count) guarantee(s) broken; first: \(first) — replay: \(plan.replayCommand)"
    }

    /// The figures as lines for a person.
    ///
    /// ```
    /// fagu-sim: 6 devices, 300 writes over 14 days (2026-03-02 … 2026-03-15), seed 1
    /// writes       300: visit 41, consultation 38, … (case edits 61)
    /// ...
    /// result       passed: every write at the hub or set aside with its reason; every device equals the hub
    /// ```
    public var text: String {
        let f = figures
        func counts(_ values: [String: Int]) -> String {
            values.isEmpty ? "none" : values.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        func faults(_ m: MessageFaults) -> String {
            "\(m.total) (requests \(m.requests), replies \(m.replies), files to hub \(m.filesToHub), files to device \(m.filesToDevice))"
        }
        var lines = [
            "fagu-sim: \(plan.devices) devices, \(plan.writes) writes over \(plan.days) days "
                + "(\(SimulationPlan.firstDay) … \(lastDay)), seed \(plan.seed), pages of \(plan.pageLimit)",
            "writes        \(f.writes): \(counts(f.writesByKind)) (shared case edits \(f.caseEdits))",
            "syncs         \(f.syncs) network syncs done, \(f.syncsCut) cut; \(f.roundTrips) round trips; "
                + "\(f.exports) files exported, \(f.imports) imported, \(f.nightlyMerges) nightly merges",
            "lost          \(faults(f.lost))",
            "duplicated    \(faults(f.duplicated))",
            "reordered     \(faults(f.reordered))",
            "restarts      \(f.restarts): devices \(f.deviceRestarts) (\(f.restartsMidSync) right after a lost reply), "
                + "hub \(f.hubRestarts) (\(f.restartsMidMerge) mid-merge)",
            "offline       \(f.offlineDeviceDays) device-days, \(f.partitions) communities cut off",
            "roster        \(f.rosterChanges) changes: \(f.appointmentsEnded) appointments ended, \(f.appointmentsAdded) added",
            "set aside     \(f.setAsideByCode.values.reduce(0, +)): \(counts(f.setAsideByCode))",
            "conflicts     \(f.openConflicts) fields open at the hub",
            "converged     \(f.scopesEqualByDigest + f.scopesEqualButOwnSetAside) device scopes: \(f.scopesEqualByDigest) with the "
                + "hub's digest, \(f.scopesEqualButOwnSetAside) record by record but for the device's own set-aside work",
            String(format: "time          %.1f s wall, %.0f writes/s", seconds, writesPerSecond),
        ]
        if passed {
            lines.append("result        passed: every write is at the hub or set aside with the ledger's reason; every device "
                         + "equals the hub in its scopes")
        } else {
            lines.append("result        FAILED: \(failures.count) guarantee(s) broken")
            lines += failures.prefix(20).map { "  - " + $0 }
            if failures.count > 20 { lines.append("  … and \(failures.count - 20) more") }
        }
        return lines.joined(separator: "\n")
    }

    /// The report as one JSON object (sorted keys), with `passed` and `writesPerSecond`.
    public func json() throws -> String {
        struct Output: Encodable {
            var report: SimulationReport
            var passed: Bool
            var writesPerSecond: Double

            func encode(to encoder: any Encoder) throws {
                try report.encode(to: encoder)
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(passed, forKey: .passed)
                try container.encode((writesPerSecond * 10).rounded() / 10, forKey: .writesPerSecond)
            }

            enum Key: String, CodingKey { case passed, writesPerSecond }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Output(report: self, passed: passed, writesPerSecond: writesPerSecond)),
                      as: UTF8.self)
    }
}
