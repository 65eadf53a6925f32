import FaguDomain
import FaguModel
import FaguStore

/// Who is in a simulated district of a given size: its communities, its advisers and their
/// first appointments, and which device belongs to whom. Pure data, fixed by the device count.
///
/// Every third device is a community office; the rest are advisers' laptops. Each adviser
/// serves two neighbouring communities, so every community is shared by several advisers
/// and its office, and cases there are edited from several devices.
///
/// ```swift
/// let layout = DistrictLayout(devices: 6)
/// layout.communities       // ["c01", "c02", "c03"]
/// layout.members.map(\.subject)   // ["c01", "a001", "a002", "c02", "a003", "a004"]
/// ```
public struct DistrictLayout: Sendable, Hashable {
    /// One device of the district: an office (subject: its community) or an adviser's laptop
    /// (subject: the adviser).
    public struct Member: Sendable, Hashable {
        /// `office` or `adviser`.
        public var role: DeviceRole
        /// The community's or adviser's code.
        public var subject: String
        /// The device's folder name in the simulation's temp dir.
        public var name: String
    }

    /// The community codes, `c01` …
    public let communities: [String]
    /// The adviser codes, `a001` …
    public let advisers: [String]
    /// The devices, in order.
    public let members: [Member]
    /// The appointments the roster starts with: each adviser in two neighbouring communities
    /// since 2026-01-01.
    public let appointments: [LedgerAppointment]

    /// The layout of a district of `devices` devices (at least 3).
    public init(devices: Int) {
        let communityCount = max(3, (devices + 2) / 3)
        let width = communityCount > 99 ? 3 : 2
        communities = (1...communityCount).map { "c" + DistrictLayout.padded($0, width) }
        var members: [Member] = []
        var advisers: [String] = []
        var offices = 0
        for index in 0..<devices {
            if index % 3 == 0 {
                let community = communities[offices % communityCount]
                offices += 1
                members.append(Member(role: .office, subject: community, name: "office-\(community)"))
            } else {
                let adviser = "a" + DistrictLayout.padded(advisers.count + 1, 3)
                advisers.append(adviser)
                members.append(Member(role: .adviser, subject: adviser, name: "laptop-\(adviser)"))
            }
        }
        self.members = members
        self.advisers = advisers
        let codes = communities
        appointments = advisers.enumerated().flatMap { number, adviser in
            [codes[number % communityCount], codes[(number + 1) % communityCount]].map { community in
                LedgerAppointment(adviser: adviser, community: community, start: "2026-01-01", addedOnDay: 0)
            }
        }
    }

    /// The roster records of the layout, as the hub writes them.
    public var rosterRecords: (communities: [Community], advisers: [Adviser], appointments: [Appointment]) {
        let villages = ["村", "居委会"]
        let communityRecords = communities.enumerated().map { number, code in
            Community(id: .code(code), name: "浦东新区第\(number + 1)\(villages[number % 2])",
                      kind: number % 2 == 0 ? .village : .residential, judicialOffice: "司法所\(number % 7 + 1)")
        }
        let adviserRecords = advisers.enumerated().map { number, code in
            Adviser(id: .code(code), name: "顾问\(number + 1)", kind: number % 3 == 0 ? .legalWorker : .lawyer,
                    organization: "律师事务所\(number % 11 + 1)", phone: "138" + DistrictLayout.padded(number, 8),
                    practiceSince: Int64(2005 + number % 15), education: .bachelor)
        }
        return (communityRecords, adviserRecords, appointments.map(\.record))
    }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
