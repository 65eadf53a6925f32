import FaguDomain
import FaguModel
import FaguTesting
import Foundation

/// A month of an adviser's work at one community, drawn from one seeded generator, so every
/// run plans the same year.
///
/// Most months: two visits of 3–4 hours; one month in 10 two of 2 hours (R3 short), one in
/// 30 none (R3 no visit); 4–10 consultations, one in 20 hard, due on the 28th and a third of
/// those never answered (R5); 0–2 mediations; a lecture in the middle month of a quarter, 9
/// times in 10 (R4); legal aid, governance and commissions now and then; an incident report
/// about once in 40 months (R6). Work falls on days 1–28, not before the appointment starts.
struct WorkPlanner {
    private var random: SeededGenerator
    private let year: Int
    private let topics = ConsultationTopic.all.map(\.code)

    /// A planner for `year` whose draws come from `seed`.
    init(seed: UInt64, year: Int) {
        random = SeededGenerator(seed: seed)
        self.year = year
    }

    /// What the appointment's adviser does at its community in `month` (1–12): nothing
    /// before the appointment starts.
    mutating func work(of appointment: Appointment, in month: Int) -> [PlannedWork] {
        let startMonth = Int(appointment.start.dropFirst(5).prefix(2)) ?? 1
        guard month >= startMonth else { return [] }
        let firstDay = month == startMonth ? min(Int(appointment.start.suffix(2)) ?? 1, 28) : 1
        let community = appointment.communityID, adviser = appointment.adviserID
        var planned: [PlannedWork] = []
        func plan(_ kind: RecordKind, on date: String, _ make: @escaping (RecordID) -> any LoggedWork) {
            planned.append(PlannedWork(date: date, community: community, kind: kind, make: make))
        }

        let roll = Int.random(in: 0..<30, using: &random)
        for _ in 0..<(roll == 0 ? 0 : 2) {
            let hours = roll < 3 ? 2 : Double(Int.random(in: 3...4, using: &random)), date = day(month, from: firstDay)
            plan(.visit, on: date) { Visit(id: $0, communityID: community, adviserID: adviser, date: date, hours: hours) }
        }
        for _ in 0..<Int.random(in: 4...10, using: &random) {
            let hard = Int.random(in: 0..<20, using: &random) == 0, asked = day(month, from: firstDay)
            let topic = topics[Int.random(in: 0..<topics.count, using: &random)]
            let answer: String? = hard && Int.random(in: 0..<3, using: &random) == 0 ? nil : "答复"
            plan(.consultation, on: asked) {
                Consultation(id: $0, communityID: community, adviserID: adviser, date: asked, topic: topic, question: "咨询",
                             answer: answer, hard: hard, due: hard ? String(asked.prefix(8)) + "28" : nil)
            }
        }
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            let category = topics[Int.random(in: 0..<topics.count, using: &random)], date = day(month, from: firstDay)
            plan(.mediation, on: date) {
                Mediation(id: $0, communityID: community, adviserID: adviser, date: date, category: category, summary: "纠纷",
                          outcome: "调解成功")
            }
        }
        if month % 3 == 2 && Int.random(in: 0..<10, using: &random) > 0 {
            let attendees = Int64(Int.random(in: 10...80, using: &random)), date = day(month, from: firstDay)
            plan(.lecture, on: date) {
                Lecture(id: $0, communityID: community, adviserID: adviser, date: date, topic: "民法典", attendees: attendees)
            }
        }
        if Int.random(in: 0..<4, using: &random) == 0 {
            let date = day(month, from: firstDay)
            plan(.legalAid, on: date) {
                LegalAidReferral(id: $0, communityID: community, adviserID: adviser, date: date, summary: "援助", status: .referred)
            }
        }
        if Int.random(in: 0..<3, using: &random) == 0 {
            let date = day(month, from: firstDay)
            plan(.governance, on: date) {
                GovernanceItem(id: $0, communityID: community, adviserID: adviser, date: date, kind: .contract, summary: "合同审查")
            }
        }
        if Int.random(in: 0..<6, using: &random) == 0 {
            let date = day(month, from: firstDay)
            plan(.commission, on: date) {
                Commission(id: $0, communityID: community, adviserID: adviser, date: date, kind: .document, summary: "代写文书")
            }
        }
        if Int.random(in: 0..<40, using: &random) == 0 {
            let date = day(month, from: firstDay)
            plan(.incident, on: date) {
                IncidentReport(id: $0, communityID: community, adviserID: adviser, date: date, level: .mass, summary: "群体性纠纷苗头")
            }
        }
        return planned
    }

    /// A day of `month` from `first` to the 28th.
    private mutating func day(_ month: Int, from first: Int) -> String {
        String(format: "%04d-%02d-%02d", year, month, Int.random(in: first...28, using: &random))
    }
}
