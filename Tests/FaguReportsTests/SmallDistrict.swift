import FaguDomain
import FaguModel
import FaguReports

/// A district of six communities and three advisers whose report answers are known by
/// construction, for 2026-Q4 (as of 2026-12-31):
///
/// - c06 has no adviser at all (R1 every month; R8 at 0 CNY).
/// - a01 serves c01–c04 all year (R2 every month, no reason recorded): short of 6 hours at
///   c02 in November (5 h), no visit at c03 in December; at c04 only on the last day of each
///   month.
/// - a04, a retired judge volunteering without a fee, serves c01, c02, c03 and c05 from
///   2026-10-01 (R2 in each month of Q4, with the reason recorded on two of the
///   appointments), visiting each for 6 hours every month.
/// - c04 has no lecture in Q4 (R4).
/// - a02 serves c05 for 8,000 CNY (R8).
/// - a03 joins c02 on 2026-11-16 (pro rata: 3 h in November, done with 4 h), with no
///   service hours published (R9) and practising since 2025 (R7).
/// - A hard question due 2026-11-10 never answered (R5 overdue), one due 2026-12-05
///   answered 2026-12-08 (R5 late), one due 2026-12-20 answered on 12-18 (fine).
/// - One incident report on 2026-11-03, 30 minutes to the hub (R6).
enum SmallDistrict {
    static let asOf = "2026-12-31"
    /// Why a04 serves four communities, as recorded on two of the appointments.
    static let reason = "区司法局指派退休法官轮值，至新聘顾问到任"

    static func records() -> DistrictRecords {
        let communities = (1...6).map { Community(id: .code("c0\($0)"), name: "社区\($0)", kind: .residential, judicialOffice: "所") }
        let advisers = [
            Adviser(id: .code("a01"), name: "王丽华", kind: .lawyer, phone: "13800000001", practiceSince: 2012, education: .master),
            Adviser(id: .code("a02"), name: "陈建国", kind: .legalWorker, phone: "13800000002", practiceSince: 2015, education: .college),
            Adviser(id: .code("a03"), name: "李新", kind: .lawyer, phone: "13800000003", practiceSince: 2025, education: .bachelor),
            Adviser(id: .code("a04"), name: "张敏", kind: .volunteer, phone: "13800000004", practiceSince: 1990, education: .master),
        ]
        var appointments = (1...4).map {
            Appointment(id: .code("a01@c0\($0)"), adviserID: "a01", communityID: "c0\($0)", start: "2026-01-01",
                        annualFeeCNY: 12_000, serviceHours: "周二 9:00-17:00")
        }
        appointments.append(Appointment(id: .code("a02@c05"), adviserID: "a02", communityID: "c05", start: "2026-01-01",
                                        annualFeeCNY: 8_000, serviceHours: "周三 9:00-17:00"))
        appointments.append(Appointment(id: .code("a03@c02"), adviserID: "a03", communityID: "c02", start: "2026-11-16",
                                        annualFeeCNY: 2_000))
        for community in ["c01", "c02", "c03", "c05"] {
            appointments.append(Appointment(id: .code("a04@" + community), adviserID: "a04", communityID: community,
                                            start: "2026-10-01", serviceHours: "周五 9:00-15:00",
                                            overLimitReason: ["c01", "c05"].contains(community) ? reason : nil))
        }
        var visits: [Visit] = []
        var serial = 0
        func visit(_ adviser: String, _ community: String, _ date: String, _ hours: Double) {
            serial += 1
            visits.append(Visit(id: .code("v\(serial)"), communityID: community, adviserID: adviser, date: date, hours: hours))
        }
        for month in ["2026-10", "2026-11", "2026-12"] {
            visit("a01", "c01", month + "-05", 6)
            if month == "2026-11" {
                visit("a01", "c02", month + "-06", 3)
                visit("a01", "c02", month + "-20", 2)
            } else {
                visit("a01", "c02", month + "-06", 6.5)
            }
            if month != "2026-12" { visit("a01", "c03", month + "-07", 8) }
            visit("a02", "c05", month + "-09", 6)
            for community in ["c01", "c02", "c03", "c05"] { visit("a04", community, month + "-12", 6) }
        }
        visit("a01", "c04", "2026-10-31", 6)
        visit("a01", "c04", "2026-11-30", 6)
        visit("a01", "c04", "2026-12-31", 6)
        visit("a01", "c04", "2026-09-30", 1)  // outside the quarter: changes nothing
        visit("a03", "c02", "2026-11-20", 4)
        visit("a03", "c02", "2026-12-03", 6)
        let lectures = ["c01", "c02", "c03", "c05"].enumerated().map { index, community in
            Lecture(id: .code("l\(index)"), communityID: community, adviserID: community == "c05" ? "a02" : "a01",
                    date: "2026-1\(index % 3)-15", topic: "民法典", attendees: 30)
        } + [Lecture(id: .code("l9"), communityID: "c04", adviserID: "a01", date: "2026-09-30", topic: "民法典", attendees: 20)]
        let consultations = [
            ConsultationEntry(Consultation(id: .code("q1"), communityID: "c01", adviserID: "a01", date: "2026-11-01",
                                           topic: "labour", question: "欠薪", hard: true, due: "2026-11-10"), answeredOn: nil),
            ConsultationEntry(Consultation(id: .code("q2"), communityID: "c05", adviserID: "a02", date: "2026-11-20",
                                           topic: "inheritance", question: "遗嘱", answer: "有效", hard: true, due: "2026-12-05"),
                              answeredOn: "2026-12-08"),
            ConsultationEntry(Consultation(id: .code("q3"), communityID: "c02", adviserID: "a03", date: "2026-12-01",
                                           topic: "neighbour", question: "噪音", answer: "调解", hard: true, due: "2026-12-20"),
                              answeredOn: "2026-12-18"),
            ConsultationEntry(Consultation(id: .code("q4"), communityID: "c02", adviserID: "a01", date: "2026-12-01",
                                           topic: "consumer", question: "退货"), answeredOn: nil),
        ]
        let incidents = [
            IncidentEntry(IncidentReport(id: .code("i1"), communityID: "c03", adviserID: "a01", date: "2026-11-03", level: .mass,
                                         summary: "征地补偿"), delayMinutes: 30),
        ]
        return DistrictRecords(communities: communities, advisers: advisers, appointments: appointments, visits: visits,
                               lectures: lectures, consultations: consultations, incidents: incidents)
    }
}
