import ArgumentParser
import FaguSimulation
import Foundation

/// `fagu-sim`: runs one partition simulation and prints its figures; exits 1, with a line
/// naming the seed, when a guarantee broke.
@main
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fagu-sim",
        abstract: "A hub and N devices as real replicas under seeded partitions, faults, roster changes and crashes.",
        discussion: """
            Every choice comes from --seed, so a failing run replays with the same command. The run ends with \
            syncs with no faults, then checks that every write is at the hub or set aside for a reason the \
            schedule's own ledger explains, and that every device equals the hub in its scopes.
            """)

    @Option(help: "Devices in the district (every third one a community office, the rest advisers' laptops).")
    var devices: Int

    @Option(help: "Writes over all devices.")
    var writes: Int

    @Option(help: "The seed every choice comes from (random when left out; the figures name it).")
    var seed: UInt64?

    @Option(help: "Simulated days the writes are spread over.")
    var days = 30

    @Option(help: "At most this many groups per reply and per request.")
    var pageLimit = SimulationPlan.defaultPageLimit

    @Flag(help: "Print the figures as one JSON object.")
    var json = false

    func validate() throws {
        do { _ = try plan(seed: 0) } catch let invalid as SimulationPlan.Invalid {
            throw ValidationError(invalid.description)
        }
    }

    private func plan(seed: UInt64) throws -> SimulationPlan {
        try SimulationPlan(devices: devices, writes: writes, seed: seed, days: days, pageLimit: pageLimit)
    }

    func run() async throws {
        var generator = SystemRandomNumberGenerator()
        let plan = try plan(seed: seed ?? UInt64.random(in: 1...999_999, using: &generator))
        let report = try await Simulation(plan: plan).run()
        print(json ? try report.json() : report.text)
        if let line = report.failureLine {
            FileHandle.standardError.write(Data("fagu-sim: FAILED \(line)\n".utf8))
            throw ExitCode(1)
        }
    }
}
