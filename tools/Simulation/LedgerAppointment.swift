import FaguDomain
import FaguModel

/// An appointment as the schedule made it: who, where, from when, and — once the schedule
/// ended it — until when. The ledger's own copy of the roster, never read back from a replica.
public struct LedgerAppointment: Sendable, Hashable, Codable {
    /// The adviser's code.
    public var adviser: String
    /// The community's code.
    public var community: String
    /// The first day, `YYYY-MM-DD`.
    public var start: String
    /// The last day, once ended.
    public var end: String?
    /// The simulated day (0 …) the schedule added it.
    public var addedOnDay: Int
    /// The simulated day the schedule ended it.
    public var endedOnDay: Int?

    /// A new appointment, not ended.
    public init(adviser: String, community: String, start: String, addedOnDay: Int) {
        self.adviser = adviser
        self.community = community
        self.start = start
        self.addedOnDay = addedOnDay
    }

    /// The roster id: `adviser@community@start`.
    public var code: String { "\(adviser)@\(community)@\(start)" }

    /// Whether work dated `day` falls within it (ISO dates compare as text).
    public func covers(_ day: String) -> Bool {
        start <= day && (end.map { day <= $0 } ?? true)
    }

    /// The roster record the hub writes for it.
    public var record: Appointment {
        Appointment(id: .code(code), adviserID: adviser, communityID: community, start: start, end: end)
    }
}
