// fagu-report-load: builds a year of a large district in a new hub home, for timing the
// reports (issue 13): 400 communities, 150 advisers, every community served, and a year of
// visits, consultations, mediations, lectures, legal aid, governance, commissions and
// incident reports, seeded so every run builds the same district.
//
//     swift run -c release fagu-report-load HOME [--year 2026] [--seed 13]
//     time fagu-hub report compliance --home HOME --year 2026 --json > /dev/null
//
// Work is written through the hub replica's own write path (change groups, hash chains,
// the incident alert), one transaction per community, not through device sync.
import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String, _ fallback: String) -> String {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
    let value = arguments[index + 1]
    arguments.removeSubrange(index...index + 1)
    return value
}
let year = Int(option("--year", "2026")) ?? 2026
var random = SeededGenerator(seed: UInt64(option("--seed", "13")) ?? 13)
guard let home = arguments.first else {
    FileHandle.standardError.write(Data("usage: fagu-report-load HOME [--year YYYY] [--seed N]\n".utf8))
    exit(2)
}

let started = Date()
let configuration = ReplicaConfiguration(durability: .none)
_ = try Hub.create(home: home, district: "测试区", configuration: configuration)
let hub = try Hub.open(home: home, configuration: configuration)

let communityCount = 400, adviserCount = 150
let communities = (1...communityCount).map { (index: Int) -> Community in
    Community(id: .code(String(format: "c%03d", index)), name: "第\(index)社区", kind: index % 4 == 0 ? .village : .residential,
              judicialOffice: "司法所\(index % 12)")
}
let advisers = (1...adviserCount).map { (index: Int) -> Adviser in
    let kind: Adviser.Kind = index % 5 == 0 ? .legalWorker : .lawyer
    let phone: String? = index % 37 == 0 ? nil : String(format: "13800%06d", index)
    let education: Adviser.Education = index % 29 == 0 ? .other : .bachelor
    let since = Int64(2000 + index % 26)
    return Adviser(id: .code(String(format: "a%03d", index)), name: "顾问\(index)", kind: kind, phone: phone,
                   practiceSince: since, education: education)
}
// Each community has one adviser, round robin (some advisers get 3, a few 2); one in 25
// has a second one from mid-year; one in 40 has none until March.
var appointments: [Appointment] = []
for (index, community) in communities.enumerated() {
    let adviser = advisers[index % adviserCount].id.description, id = community.id.description
    let start = index % 40 == 7 ? String(format: "%04d-03-01", year) : String(format: "%04d-01-01", year)
    appointments.append(Appointment(id: .code("\(adviser)@\(id)"), adviserID: adviser, communityID: id, start: start,
                                    annualFeeCNY: index % 23 == 0 ? 8_000 : 12_000,
                                    serviceHours: index % 31 == 0 ? nil : "每周二 9:00-17:00"))
    if index % 25 == 3 {
        let second = advisers[(index * 7 + 11) % adviserCount].id.description
        appointments.append(Appointment(id: .code("\(second)@\(id)"), adviserID: second, communityID: id,
                                        start: String(format: "%04d-07-16", year), annualFeeCNY: 6_000, serviceHours: "每周四 14:00-17:00"))
    }
}
_ = try hub.writeRoster(communities: communities, advisers: advisers, appointments: appointments)
print("roster: \(communities.count) communities, \(advisers.count) advisers, \(appointments.count) appointments")

let topics = ConsultationTopic.all.map(\.code)
/// Days from 1970-01-01 to a civil date.
func daysSinceEpoch(_ year: Int, _ month: Int, _ day: Int) -> Int {
    var components = DateComponents()
    (components.year, components.month, components.day) = (year, month, day)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0)!
    return Int(calendar.date(from: components)!.timeIntervalSince1970 / 86_400)
}
@MainActor func day(_ month: Int) -> String { String(format: "%04d-%02d-%02d", year, month, Int.random(in: 1...28, using: &random)) }
var written = 0
for appointment in appointments {
    let firstMonth = Int(appointment.start.dropFirst(5).prefix(2)) ?? 1
    for month in firstMonth...12 {
      // Written on the 27th of the month (noon in Shanghai), so answers land before the 28th's due day.
      let writtenAt = Timestamp(milliseconds: Int64(daysSinceEpoch(year, month, 27)) * 86_400_000 + 4 * 3_600_000)
      try hub.replica.write(at: writtenAt) { transaction in
        func header() -> (RecordID, String, String) { (transaction.newRecordID(), appointment.communityID, appointment.adviserID) }
        do {
            // Most months two visits of 3–4 hours; one in 10 two of 2 hours (short); one in 30 none.
            let roll = Int.random(in: 0..<30, using: &random)
            let visits = roll == 0 ? 0 : 2
            for _ in 0..<visits {
                let (id, community, adviser) = header()
                try transaction.insert(Visit(id: id, communityID: community, adviserID: adviser, date: day(month),
                                             hours: roll < 3 ? 2 : Double(Int.random(in: 3...4, using: &random))))
            }
            for _ in 0..<Int.random(in: 4...10, using: &random) {
                let (id, community, adviser) = header()
                let hard = Int.random(in: 0..<20, using: &random) == 0
                let asked = day(month)
                try transaction.insert(Consultation(
                    id: id, communityID: community, adviserID: adviser, date: asked,
                    topic: topics[Int.random(in: 0..<topics.count, using: &random)], question: "咨询",
                    answer: hard && Int.random(in: 0..<3, using: &random) == 0 ? nil : "答复", hard: hard,
                    due: hard ? String(asked.prefix(8)) + "28" : nil))
            }
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                let (id, community, adviser) = header()
                try transaction.insert(Mediation(id: id, communityID: community, adviserID: adviser, date: day(month),
                                                 category: topics[Int.random(in: 0..<topics.count, using: &random)],
                                                 summary: "纠纷", outcome: "调解成功"))
            }
            if month % 3 == 2 && Int.random(in: 0..<10, using: &random) > 0 {
                let (id, community, adviser) = header()
                try transaction.insert(Lecture(id: id, communityID: community, adviserID: adviser, date: day(month), topic: "民法典",
                                               attendees: Int64(Int.random(in: 10...80, using: &random))))
            }
            if Int.random(in: 0..<4, using: &random) == 0 {
                let (id, community, adviser) = header()
                try transaction.insert(LegalAidReferral(id: id, communityID: community, adviserID: adviser, date: day(month),
                                                        summary: "援助", status: .referred))
            }
            if Int.random(in: 0..<3, using: &random) == 0 {
                let (id, community, adviser) = header()
                try transaction.insert(GovernanceItem(id: id, communityID: community, adviserID: adviser, date: day(month),
                                                      kind: .contract, summary: "合同审查"))
            }
            if Int.random(in: 0..<6, using: &random) == 0 {
                let (id, community, adviser) = header()
                try transaction.insert(Commission(id: id, communityID: community, adviserID: adviser, date: day(month),
                                                  kind: .document, summary: "代写文书"))
            }
            if Int.random(in: 0..<40, using: &random) == 0 {
                let (id, community, adviser) = header()
                try transaction.insert(IncidentReport(id: id, communityID: community, adviserID: adviser, date: day(month),
                                                      level: .mass, summary: "群体性纠纷苗头"))
            }
        }
      }
    }
    written += 1
    if written % 50 == 0 { print("\(written)/\(appointments.count) appointments' work written") }
}
let counts = try [RecordKind.visit, .consultation, .mediation, .lecture, .legalAid, .governance, .commission, .incident]
    .map { "\($0.rawValue) \(try hub.replica.records($0, matching: RecordFilter()).count)" }
print("records: " + counts.joined(separator: ", "))
print(String(format: "built in %.1f s", Date().timeIntervalSince(started)))
