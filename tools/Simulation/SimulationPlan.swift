/// What one simulation run does: how many devices, how many writes over how many days, and
/// the seed that fixes every choice of the schedule, so a failing run can be replayed.
///
/// ```swift
/// let plan = try SimulationPlan(devices: 6, writes: 300, seed: 7, days: 14)
/// let report = try await Simulation(plan: plan).run()
/// print(report.passed)   // true
/// ```
public struct SimulationPlan: Sendable, Hashable, Codable {
    /// Devices in the district: community offices and advisers' laptops.
    public var devices: Int
    /// Writes the schedule makes, over all devices.
    public var writes: Int
    /// The seed of the one generator every choice comes from.
    public var seed: UInt64
    /// Simulated days the writes are spread over (the clock moves a day at a time).
    public var days: Int
    /// At most this many groups in one reply of the hub; devices send pages of the same size.
    public var pageLimit: Int

    /// The page limit unless told: 500 groups.
    public static let defaultPageLimit = 500

    /// The first day of every run: `2026-03-02`, a Monday.
    public static let firstDay = "2026-03-02"

    /// A plan, checked.
    ///
    /// - Throws: ``SimulationPlan/Invalid`` when a figure is out of range.
    public init(devices: Int, writes: Int, seed: UInt64, days: Int = 30, pageLimit: Int = SimulationPlan.defaultPageLimit) throws {
        guard devices >= 3 else { throw Invalid("a district needs at least 3 devices (an office and two advisers)") }
        guard devices <= 3_000 else { throw Invalid("at most 3,000 devices in one process") }
        guard writes >= 1 else { throw Invalid("at least one write") }
        guard (1...365).contains(days) else { throw Invalid("between 1 and 365 days") }
        guard pageLimit >= 1 else { throw Invalid("a page holds at least one group") }
        self.devices = devices
        self.writes = writes
        self.seed = seed
        self.days = days
        self.pageLimit = pageLimit
    }

    /// The command that replays this plan.
    public var replayCommand: String {
        "tools/sim --devices \(devices) --writes \(writes) --seed \(seed) --days \(days)"
            + (pageLimit == SimulationPlan.defaultPageLimit ? "" : " --page-limit \(pageLimit)")
    }

    /// Why a plan cannot run, in a sentence a person can act on.
    public struct Invalid: Error, CustomStringConvertible, Sendable {
        /// The sentence.
        public let description: String

        /// The error saying `description`.
        public init(_ description: String) { self.description = description }
    }
}
