import FaguDomain
import FaguModel
import Foundation

/// The roster of the generated district: 400 communities, 150 advisers and their
/// appointments for `year`, the same in every run.
///
/// Each community has one adviser, round robin (so advisers serve 2 or 3); one in 40 has
/// none until March (R1 in January and February), one in 23 pays 8,000 CNY (R8), one in 31
/// publishes no service hours (R9); one in 25 gains a second adviser from mid-July (R3 pro
/// rata), which takes some advisers past 3 communities (R2), half of those second
/// appointments with a recorded reason. One adviser in 37 publishes no phone (R9), one in
/// 29 has no college degree (R7).
struct DistrictRoster {
    /// 居村（社区）.
    var communities: [Community]
    /// 法律顾问.
    var advisers: [Adviser]
    /// 聘用合同.
    var appointments: [Appointment]

    /// How many communities.
    static let communityCount = 400
    /// How many advisers.
    static let adviserCount = 150

    /// The roster for `year`.
    init(year: Int) {
        communities = (1...Self.communityCount).map { (index: Int) -> Community in
            Community(id: .code(String(format: "c%03d", index)), name: "第\(index)社区", kind: index % 4 == 0 ? .village : .residential,
                      judicialOffice: "司法所\(index % 12)")
        }
        advisers = (1...Self.adviserCount).map { (index: Int) -> Adviser in
            let kind: Adviser.Kind = index % 5 == 0 ? .legalWorker : .lawyer
            let phone: String? = index % 37 == 0 ? nil : String(format: "13800%06d", index)
            let education: Adviser.Education = index % 29 == 0 ? .other : .bachelor
            return Adviser(id: .code(String(format: "a%03d", index)), name: "顾问\(index)", kind: kind, phone: phone,
                           practiceSince: Int64(2000 + index % 26), education: education)
        }
        var appointments: [Appointment] = []
        for (index, community) in communities.enumerated() {
            let adviser = advisers[index % Self.adviserCount].id.description, id = community.id.description
            let start = String(format: index % 40 == 7 ? "%04d-03-01" : "%04d-01-01", year)
            appointments.append(Appointment(id: .code("\(adviser)@\(id)"), adviserID: adviser, communityID: id, start: start,
                                            annualFeeCNY: index % 23 == 0 ? 8_000 : 12_000,
                                            serviceHours: index % 31 == 0 ? nil : "每周二 9:00-17:00"))
            if index % 25 == 3 {
                let second = advisers[(index * 7 + 11) % Self.adviserCount].id.description
                appointments.append(Appointment(id: .code("\(second)@\(id)"), adviserID: second, communityID: id,
                                                start: String(format: "%04d-07-16", year), annualFeeCNY: 6_000,
                                                serviceHours: "每周四 14:00-17:00",
                                                overLimitReason: index % 50 == 3 ? "居委会换届期间，区司法局加派第二顾问" : nil))
            }
        }
        self.appointments = appointments
    }
}
