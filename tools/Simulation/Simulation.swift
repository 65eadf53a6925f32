import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Foundation

/// A partition simulator: a district hub and N devices as real replicas in one process,
/// driven by one seeded schedule, then audited against a ledger the schedule kept.
///
/// The schedule has advisers' laptops and community offices write every duty kind through
/// the real write path — cases edited concurrently from several devices — while devices go
/// offline for days, whole communities are cut off, requests and replies are lost,
/// duplicated and delivered late, files travel on sticks through the nightly merge (late,
/// twice, or never), the roster ends and adds appointments, and the hub and devices are
/// dropped and reopened between any two steps. After a last round of syncs with no faults,
/// ``GuaranteeAudit`` checks that every write is at the hub or set aside for a reason the
/// ledger explains, and that every device equals the hub in its scopes.
///
/// ```swift
/// let report = try await Simulation(plan: SimulationPlan(devices: 6, writes: 300, seed: 1, days: 14)).run()
/// report.passed      // true
/// report.figures.writes   // 300
/// ```
public final class Simulation {
    /// The plan being run.
    public let plan: SimulationPlan
    /// Who is in the district.
    public let layout: DistrictLayout
    /// The one generator every choice of the schedule comes from.
    var random: SeededGenerator
    /// The clock of the hub and every device: noon of the simulated day.
    let clock: CalendarClock
    /// Where every home, stick and inbox lives.
    let directory: TemporaryDirectory
    /// How devices are opened.
    let deviceConfiguration: ReplicaConfiguration
    /// How the hub is opened.
    let hubConfiguration: ReplicaConfiguration
    /// The hub's home.
    let hubHome: String
    private var openedHub: Hub?
    /// The devices, in layout order.
    var devices: [SimulatedDevice] = []
    /// The oracle: every write and appointment, as the schedule made them.
    var ledger: Ledger
    /// What happened so far.
    var figures = SimulationFigures()
    /// Guarantees seen broken while running, each a sentence.
    var failures: [String] = []
    /// The simulated day, 0 …
    var day = 0
    /// Steps taken.
    var step = 0
    /// Files on their way to the hub's inbox.
    var carried: [CarriedFile] = []
    /// Nightly merges run (to name their outboxes).
    var merges = 0

    /// The name the simulated district goes by.
    public static let district = "浦东新区"

    /// A simulation of `plan` in a new temp dir (removed when the simulation is released).
    public init(plan: SimulationPlan) throws {
        self.plan = plan
        layout = DistrictLayout(devices: plan.devices)
        random = SeededGenerator(seed: plan.seed)
        clock = CalendarClock(day: SimulationPlan.firstDay)
        directory = try TemporaryDirectory(prefix: "fagu-sim")
        let ids = SeededRecordIDs(seed: plan.seed &+ 0x5EED)
        let makeID: @Sendable (Timestamp) -> RecordID = { ids.next(at: $0) }
        deviceConfiguration = ReplicaConfiguration(clock: clock, makeRecordID: makeID, durability: .none, cacheKiB: 2_048)
        hubConfiguration = ReplicaConfiguration(clock: clock, makeRecordID: makeID, durability: .none)
        hubHome = directory.file("hub")
        ledger = Ledger(appointments: layout.appointments)
    }

    /// Runs the schedule, the last clean syncs and the audit.
    ///
    /// - Returns: The figures and every guarantee found broken (none when the run passed).
    /// - Throws: Only when the simulation itself cannot run (its temp dir, its setup); a
    ///   broken guarantee is reported, not thrown.
    public func run() async throws -> SimulationReport {
        let started = ContinuousClock.now
        try await setUp()
        while figures.writes < plan.writes && failures.count < Simulation.failureLimit {
            let due = min(plan.days - 1, figures.writes * plan.days / plan.writes)
            while day < due { nextDay() }
            await takeStep()
        }
        await finish()
        var audit = GuaranteeAudit(hub: try hub(), devices: devices, ledger: ledger)
        do { try audit.run() } catch { audit.failures.append("the audit could not read a replica: \(error)") }
        figures.setAsideByCode = audit.setAsideByCode
        figures.openConflicts = audit.openConflicts
        figures.scopesEqualByDigest = audit.scopesEqualByDigest
        figures.scopesEqualButOwnSetAside = audit.scopesEqualButOwnSetAside
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return SimulationReport(plan: plan, figures: figures, failures: failures + audit.failures,
                                lastDay: today, seconds: seconds)
    }

    /// The schedule stops early once this many guarantees have broken.
    static let failureLimit = 200

    // MARK: The district

    /// The hub, opened again from its home after a restart.
    func hub() throws -> Hub {
        if let openedHub { return openedHub }
        let reopened = try Hub.open(home: hubHome, configuration: hubConfiguration, pageLimit: plan.pageLimit)
        openedHub = reopened
        return reopened
    }

    /// Kills the hub: drops it without closing it and leaves its files as a killed process
    /// would (``CrashImage``); the next use opens it again from its home.
    func crashHub() throws {
        figures.hubRestarts += 1
        guard openedHub != nil else { return }
        let image = try CrashImage(of: Hub.replicaPath(home: hubHome))
        weak let dropped = openedHub
        openedHub = nil
        guard dropped == nil else { throw SimulationFault("the hub is still held elsewhere; it cannot crash") }
        try image.restore()
    }

    /// Kills `device` (see ``SimulatedDevice/crash()``).
    func crash(_ device: SimulatedDevice) throws {
        figures.deviceRestarts += 1
        try device.crash()
    }

    /// The simulated day as `YYYY-MM-DD`.
    var today: String { CalendarClock.day(SimulationPlan.firstDay, plus: day) }

    /// Notes a broken guarantee, with where in the run it happened.
    func fail(_ sentence: String) {
        failures.append("day \(day) (\(today)), step \(step): \(sentence)")
    }

    /// The hub with its roster, and every device enrolled, joined and registered on day 0.
    private func setUp() async throws {
        _ = try Hub.create(home: hubHome, district: Simulation.district, configuration: hubConfiguration)
        let hub = try hub()
        let roster = layout.rosterRecords
        _ = try hub.writeRoster(communities: roster.communities, advisers: roster.advisers, appointments: roster.appointments)
        for (index, member) in layout.members.enumerated() {
            let enrollment = try hub.enroll(member.role, subject: member.subject, hubURL: "sim://hub", today: today)
            let home = directory.file(member.name)
            let device = try FieldReplica.join(home: home, enrollment: enrollment, configuration: deviceConfiguration)
            devices.append(SimulatedDevice(index: index, member: member, home: home, device: device,
                                           configuration: deviceConfiguration))
        }
        for device in devices { await syncCleanly(device) }
    }

    /// One step of the schedule, drawn at random: mostly work, then syncs, stick visits,
    /// late deliveries and restarts.
    private func takeStep() async {
        step += 1
        let roll = Int.random(in: 0..<100, using: &random)
        do {
            switch roll {
            case 0..<56: try writeSomething()
            case 56..<78: await syncOverNetwork(pickDevice())
            case 78..<88: try visitWithStick(pickDevice())
            case 88..<95: try deliverLate()
            case 95..<99: try crash(pickDevice())
            default: try crashHub()
            }
        } catch {
            fail("step \(roll) failed: \(error)")
        }
    }

    /// A device at random.
    func pickDevice() -> SimulatedDevice { devices[Int.random(in: 0..<devices.count, using: &random)] }

    /// Everything in transit arrives, every device comes back, and two rounds of syncs with no
    /// faults follow: the first brings every device's work to the hub, the second brings every
    /// device what the others sent. A third must move nothing.
    private func finish() async {
        for index in carried.indices { carried[index].arrivesOnDay = day }
        do { try nightlyMerge() } catch { fail("the last nightly merge failed: \(error)") }
        for device in devices { device.offlineUntilDay = 0 }
        for _ in 0..<2 {
            for device in devices { await syncCleanly(device) }
        }
        for device in devices {
            guard let summary = await syncCleanly(device) else { continue }
            if summary.sentChanges != 0 || summary.receivedChanges != 0 {
                fail("after two full rounds, \(device.subject)'s sync still sent \(summary.sentChanges) and received "
                     + "\(summary.receivedChanges) changes")
            }
        }
    }
}
