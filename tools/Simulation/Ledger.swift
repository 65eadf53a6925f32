import FaguDomain
import FaguModel
import FaguStore
import FaguTesting

/// The simulation's independent record of what happened: every write the schedule made and
/// every appointment it added or ended. The final audit judges the hub and the devices
/// against it; nothing in it is read back from a replica (only the dots the write path gave
/// each write, to name it).
public struct Ledger: Sendable {
    /// Every write, in the order made.
    public private(set) var writes: [LedgerWrite] = []
    /// Every appointment the roster has had, in the order added.
    public private(set) var appointments: [LedgerAppointment]
    /// The index in ``writes`` of each record's creation.
    private var creations: [RecordID: Int] = [:]
    /// The indexes in ``writes`` of each record's writes, in order.
    private var writesOfRecord: [RecordID: [Int]] = [:]
    /// Each community's cases, in the order opened.
    private var casesIn: [String: [RecordID]] = [:]
    /// Each device's own work logs, in the order created.
    private var logsOf: [Int: [RecordID]] = [:]

    /// A ledger starting from the roster's first appointments.
    public init(appointments: [LedgerAppointment]) {
        self.appointments = appointments
    }

    // MARK: Recording

    /// Notes a write.
    public mutating func note(_ write: LedgerWrite) {
        let index = writes.count
        writes.append(write)
        writesOfRecord[write.record, default: []].append(index)
        guard write.creation else { return }
        creations[write.record] = index
        if write.kind == .legalCase {
            casesIn[write.community, default: []].append(write.record)
        } else {
            logsOf[write.device, default: []].append(write.record)
        }
    }

    /// Notes a new appointment.
    public mutating func add(_ appointment: LedgerAppointment) {
        appointments.append(appointment)
    }

    /// Notes that the appointment `code` ends on `end`, decided on simulated day `day`.
    public mutating func end(_ code: String, on end: String, decidedOnDay day: Int) {
        guard let index = appointments.firstIndex(where: { $0.code == code }) else { return }
        appointments[index].end = end
        appointments[index].endedOnDay = day
    }

    // MARK: Reading

    /// The cases opened in `community`, oldest first.
    public func cases(in community: String) -> [RecordID] { casesIn[community] ?? [] }

    /// The work logs device `device` created, oldest first.
    public func logs(of device: Int) -> [RecordID] { logsOf[device] ?? [] }

    /// The write that created `record`.
    public func creation(of record: RecordID) -> LedgerWrite? { creations[record].map { writes[$0] } }

    /// Every write of `record`, in order.
    public func writes(of record: RecordID) -> [LedgerWrite] { (writesOfRecord[record] ?? []).map { writes[$0] } }

    /// Every record written, in the order created (or first written).
    public var records: [RecordID] {
        var seen: Set<RecordID> = []
        return writes.compactMap { seen.insert($0.record).inserted ? $0.record : nil }
    }

    /// The appointments of `adviser` (in `community` only, when given).
    public func appointments(of adviser: String, in community: String? = nil) -> [LedgerAppointment] {
        appointments.filter { $0.adviser == adviser && (community == nil || $0.community == community) }
    }

    /// The advisers ever appointed to `community`, and those whose appointment covers `day`.
    public func advisers(of community: String, on day: String) -> (ever: [String], current: [String]) {
        let there = appointments.filter { $0.community == community }
        return (there.map(\.adviser), there.filter { $0.covers(day) }.map(\.adviser))
    }

    /// The communities whose records a device may ever have received: an office's own, an
    /// adviser's every appointment's.
    public func communitiesEverServed(role: DeviceRole, subject: String) -> Set<String> {
        role == .office ? [subject] : Set(appointments(of: subject).map(\.community))
    }

    // MARK: The rule

    /// What must become of every write at the hub, in the ledger's order.
    ///
    /// The rule, from the README ("Everything else is set aside group by group"), applied to
    /// the ledger's own roster — the final one, which decides as the roster did when each
    /// write arrived, because the schedule only ends an appointment on or after the day it
    /// decides to, and starts a new one on that day:
    ///
    /// - an adviser's work in a community counts by its date (a record's `date`, else the day
    ///   written): outside every appointment there it is `after_appointment` when one ended
    ///   before that date, else `outside_scope`; within one that ended, but written more than
    ///   7 days after the end, it is `late_for_appointment`;
    /// - an office's work logged for an adviser not appointed to the community on the work's
    ///   date is `adviser_not_appointed`;
    /// - any other change to a record whose creation was set aside is `missing_creation`.
    public func outcomes() -> [ExpectedOutcome] {
        var outcomes: [ExpectedOutcome] = []
        outcomes.reserveCapacity(writes.count)
        for write in writes {
            if let refusal = refusal(of: write) {
                outcomes.append(refusal)
            } else if !write.creation, let creation = creations[write.record], outcomes.indices.contains(creation),
                      let code = outcomes[creation].code {
                outcomes.append(.setAside(code: "missing_creation",
                                          because: "its record's creation, write #\(creation), was set aside (\(code))"))
            } else {
                outcomes.append(.arrives)
            }
        }
        return outcomes
    }

    /// Why the hub's authority must refuse `write`, or nil.
    private func refusal(of write: LedgerWrite) -> ExpectedOutcome? {
        switch write.role {
        case .office:
            guard let adviser = write.field("adviser_id")?.value.text else { return nil }
            let day = write.workDay
            if appointments(of: adviser, in: write.community).contains(where: { $0.covers(day) }) { return nil }
            return .setAside(code: "adviser_not_appointed",
                             because: "the office logged \(adviser)'s work dated \(day), when \(adviser) had no appointment "
                                + "to \(write.community)")
        case .adviser:
            let day = write.workDay
            let there = appointments(of: write.subject, in: write.community)
            guard !there.isEmpty else {
                return .setAside(code: "outside_scope", because: "\(write.subject) was never appointed to \(write.community)")
            }
            guard let covering = there.first(where: { $0.covers(day) }) else {
                if let ended = there.compactMap(\.end).filter({ $0 < day }).max() {
                    return .setAside(code: "after_appointment",
                                     because: "the work is dated \(day), after \(write.subject)'s appointment to "
                                        + "\(write.community) ended on \(ended)")
                }
                return .setAside(code: "outside_scope",
                                 because: "the work is dated \(day), before \(write.subject)'s appointment to "
                                    + "\(write.community) started on \(there.map(\.start).min() ?? "?")")
            }
            if let end = covering.end, write.writtenOn > CalendarClock.day(end, plus: Ledger.graceDays) {
                return .setAside(code: "late_for_appointment",
                                 because: "written on \(write.writtenOn), more than \(Ledger.graceDays) days after "
                                    + "\(write.subject)'s appointment to \(write.community) ended on \(end)")
            }
            return nil
        }
    }

    /// Days after an appointment ends in which work dated within it may still be written (the
    /// README's figure, kept here rather than read from the code under test).
    public static let graceDays = 7
}
