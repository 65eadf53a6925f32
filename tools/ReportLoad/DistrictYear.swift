import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Foundation

/// A year of a district built as it happens in the field: the hub writes the roster and
/// enrolls one device per adviser; each device logs its adviser's work through its own
/// write path, day by day, and syncs with the hub in process — after each month, at once
/// after an incident report, and whenever it must learn of a new appointment first.
///
/// Every replica reads one ``CalendarClock``, set to noon of the day being played, and makes
/// record ids from a seeded generator, so a run is the same every time but for the replica
/// ids and keys enrollment draws.
final class DistrictYear {
    /// What the build did.
    struct Figures {
        /// Records written per kind: the roster by the hub, the rest by the devices.
        var written: [RecordKind: Int] = [:]
        /// Syncs: each device's first (registering its key), monthly, to learn of an
        /// appointment before logging work under it, and right after an incident report.
        var firstSyncs = 0, monthlySyncs = 0, adoptionSyncs = 0, incidentSyncs = 0

        /// Every sync.
        var syncs: Int { firstSyncs + monthlySyncs + adoptionSyncs + incidentSyncs }
    }

    /// The kinds the generator writes, roster first.
    static let kinds: [RecordKind] = [.community, .adviser, .appointment, .visit, .consultation, .mediation, .lecture, .legalAid,
                                      .governance, .commission, .incident]

    /// The hub.
    let hub: Hub
    private let year: Int
    private let seed: UInt64
    private let home: String
    private let clock: CalendarClock
    private let roster: DistrictRoster
    private let transport: DirectTransport
    /// Each adviser's device, by adviser code.
    private var devices: [String: FieldReplica] = [:]
    /// The day the clock was last set to.
    private var today: String
    /// What was done so far.
    private(set) var figures = Figures()

    /// Creates the hub in `home` (which must not hold one) and writes the roster for `year`.
    init(home: String, year: Int, seed: UInt64) throws {
        self.home = home
        self.year = year
        self.seed = seed
        today = String(format: "%04d-01-01", year)
        clock = CalendarClock(day: today)
        let ids = SeededRecordIDs(seed: seed)
        let configuration = ReplicaConfiguration(clock: clock, makeRecordID: { ids.next(at: $0) }, durability: .none)
        _ = try Hub.create(home: home, district: "测试区", configuration: configuration)
        hub = try Hub.open(home: home, configuration: configuration)
        transport = DirectTransport(hub: hub)
        roster = DistrictRoster(year: year)
        _ = try hub.writeRoster(communities: roster.communities, advisers: roster.advisers, appointments: roster.appointments)
        figures.written = [.community: roster.communities.count, .adviser: roster.advisers.count,
                           .appointment: roster.appointments.count]
    }

    /// Enrolls every adviser's device on the year's first day; each joins in
    /// `home/devices/CODE` and syncs once, registering its key and receiving the roster.
    func enrollDevices() async throws {
        for (index, adviser) in roster.advisers.enumerated() {
            let code = adviser.id.description
            guard let earliest = roster.appointments.filter({ $0.adviserID == code }).map(\.start).min() else { continue }
            // An adviser whose first appointment starts later is enrolled for that day's
            // communities; the hub names the current ones at every sync.
            let enrollment = try hub.enroll(.adviser, subject: code, hubURL: "in-process", today: max(earliest, today))
            let ids = SeededRecordIDs(seed: seed &+ UInt64(index + 1) &* 0x9E37_79B9)
            let configuration = ReplicaConfiguration(clock: clock, makeRecordID: { ids.next(at: $0) }, durability: .none,
                                                     cacheKiB: 2_048)
            let device = try FieldReplica.join(home: home + "/devices/" + code, enrollment: enrollment, configuration: configuration)
            _ = try await device.sync(over: transport)
            figures.firstSyncs += 1
            devices[code] = device
        }
    }

    /// Plays `month` (1–12): plans every appointment's work, has each device log its
    /// adviser's in day order, then syncs every device on the next month's first day.
    func play(month: Int, planner: inout WorkPlanner) async throws {
        var plans: [String: [PlannedWork]] = [:]
        for appointment in roster.appointments {
            plans[appointment.adviserID, default: []] += planner.work(of: appointment, in: month)
        }
        for code in devices.keys.sorted() {
            guard let device = devices[code] else { continue }
            let ordered = (plans[code] ?? []).enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            for (_, work) in ordered {
                try await log(work, on: device)
            }
        }
        set(day: month == 12 ? String(format: "%04d-01-01", year + 1) : String(format: "%04d-%02d-01", year, month + 1))
        for code in devices.keys.sorted() {
            guard let device = devices[code] else { continue }
            _ = try await device.sync(over: transport)
            figures.monthlySyncs += 1
        }
    }

    /// Logs `work` as `fagu` would on the adviser's device: on its day, only in a community
    /// the device holds and within the adviser's appointment there (syncing first to learn
    /// of a new one), and syncing at once after an incident report.
    private func log(_ work: PlannedWork, on device: FieldReplica) async throws {
        set(day: work.date)
        if try !device.communityScopes.contains(.community(work.community)) {
            _ = try await device.sync(over: transport)
            figures.adoptionSyncs += 1
            guard try device.communityScopes.contains(.community(work.community)) else {
                throw LoadFailure("\(device.subject)'s device does not hold \(work.community) on \(work.date) after syncing")
            }
        }
        // The same check `fagu log` makes (the clock stands on the work's day).
        if let refusal = try device.refusal(forWorkIn: work.community, dated: work.date) {
            throw LoadFailure("the plan has work \(device.subject)'s device would refuse: \(refusal)")
        }
        try device.replica.write { transaction in
            _ = try transaction.insert(work.make(transaction.newRecordID()))
        }
        figures.written[work.kind, default: 0] += 1
        if work.kind == .incident {
            _ = try await device.sync(over: transport)
            figures.incidentSyncs += 1
        }
    }

    /// Moves every replica's clock to noon of `day`, unless it is there already (so one
    /// device's writes on one day keep moving forward).
    private func set(day: String) {
        guard day != today else { return }
        clock.set(day: day)
        today = day
    }

    /// Per kind: what was written, and what the hub holds.
    func counts() throws -> [(kind: RecordKind, written: Int, atHub: Int)] {
        try Self.kinds.map { kind in
            (kind, figures.written[kind] ?? 0, try hub.replica.records(kind, matching: RecordFilter()).count)
        }
    }

    /// What is left anywhere that the hub has not taken in: groups it set aside or holds
    /// back, and each device's own changes it has not acknowledged. Empty when all arrived.
    func leftOver() throws -> [String] {
        var left: [String] = []
        if try hub.replica.setAsideCount() > 0 { left.append("the hub set aside \(try hub.replica.setAsideCount()) group(s)") }
        if try hub.replica.heldBackCount() > 0 { left.append("the hub holds back \(try hub.replica.heldBackCount()) group(s)") }
        for code in devices.keys.sorted() {
            guard let device = devices[code] else { continue }
            let pending = try device.pendingChanges()
            if pending > 0 { left.append("\(code)'s device has \(pending) change(s) the hub has not acknowledged") }
        }
        return left
    }

    /// Closes every replica.
    func close() throws {
        for device in devices.values { try device.replica.close() }
        try hub.replica.close()
    }
}
