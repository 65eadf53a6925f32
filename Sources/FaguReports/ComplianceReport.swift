import FaguDomain

/// `report compliance`: R3 (each adviser at each community every month, at least once and 6
/// hours), R4 (a lecture per community per quarter), R5 (hard questions answered by their due
/// day) and R6 (incident reports and their delays), over a period.
///
/// **Pro rata (R3).** Only days the adviser's appointments at the community cover count. A
/// month they cover wholly asks for a visit and 6 hours. A month covered in part, on *d* of
/// its *n* days, asks for a visit and 6 × *d* / *n* hours rounded up to the half hour; a
/// month covered on fewer than 7 days (an appointment that starts in its last week or ends
/// in its first) is not assessed, nor is a month that has not ended by the report's day.
///
/// R4 judges each quarter wholly inside the period and ended by the report's day, for each community that had an
/// appointment on some day of it (one with none is R1's violation already). R5's period is
/// the month of the due day; a question unanswered after its due day (by `asOf`) is
/// `overdue`, one answered on a later Shanghai day is `answered_late`. R6 is one warning per
/// incident report, in the month it was logged.
public struct ComplianceReport: Sendable, Encodable {
    /// The period's label.
    public var period: String
    /// R3 rows: adviser × community × month.
    public var visits: [VisitRow]
    /// R4 rows: community × quarter.
    public var lectures: [LectureRow]
    /// R5 rows: hard questions due in the period.
    public var hardQuestions: [HardQuestionRow]
    /// R6 rows: incident reports logged in the period.
    public var incidents: [IncidentRow]
    /// R3, R4 and R5 findings.
    public var violations: [ReportFinding]
    /// R6 findings.
    public var warnings: [ReportFinding]

    /// Hours on site a month asks for (R3).
    public static let monthlyHours = 6.0
    /// Fewest days of a month an appointment must cover for the month to be assessed (R3).
    public static let leastAssessedDays = 7

    /// The hours a month covered on `covered` of its `days` days asks for, or nil when it is
    /// not assessed.
    ///
    /// ```swift
    /// ComplianceReport.requiredHours(covered: 15, of: 30)   // 3.0
    /// ComplianceReport.requiredHours(covered: 10, of: 31)   // 2.0 (1.94 rounded up)
    /// ComplianceReport.requiredHours(covered: 6, of: 30)    // nil
    /// ```
    public static func requiredHours(covered: Int, of days: Int) -> Double? {
        if covered >= days { return monthlyHours }
        if covered < leastAssessedDays { return nil }
        return (monthlyHours * Double(covered) / Double(days) * 2).rounded(.up) / 2
    }

    /// The report over `records` for `period`, judging open hard questions as of `asOf`
    /// (`YYYY-MM-DD`, today in Shanghai).
    ///
    /// - Complexity: O(records + pairs × months).
    public static func compute(_ records: DistrictRecords, period: ReportPeriod, asOf: String) -> ComplianceReport {
        var violations: [ReportFinding] = []

        // R3: visits by adviser, community and month, in one pass.
        struct Key: Hashable { let adviser: String, community: String, month: String }
        var tally: [Key: (visits: Int, hours: Double)] = [:]
        for visit in records.visits where period.contains(visit.date) {
            let key = Key(adviser: visit.adviserID, community: visit.communityID, month: String(visit.date.prefix(7)))
            tally[key, default: (0, 0)].visits += 1
            tally[key, default: (0, 0)].hours += visit.hours
        }
        var visitRows: [VisitRow] = []
        let pairs = AppointmentSpan.grouped(records.appointments) { $0.adviserID + "\u{0}" + $0.communityID }
        for (_, spans) in pairs.sorted(by: { $0.key < $1.key }) {
            let adviser = spans[0].appointment.adviserID, community = spans[0].appointment.communityID
            for month in period.months {
                let (first, last) = month.dayNumbers
                let covering = spans.filter { $0.overlaps(first, last) }
                guard !covering.isEmpty else { continue }
                let covered = covering.count == 1 ? covering[0].days(first, last)
                    : (first...last).filter { day in covering.contains { $0.covers(day) } }.count
                let done = tally[Key(adviser: adviser, community: community, month: month.label)] ?? (0, 0)
                let required = month.lastDay <= asOf ? requiredHours(covered: covered, of: month.dayCount) : nil
                var row = VisitRow(adviser: adviser, community: community, month: month.label, coveredDays: covered,
                                   monthDays: month.dayCount, visits: done.visits, hours: done.hours, requiredHours: required,
                                   compliant: true)
                if let required {
                    var finding = ReportFinding(rule: "R3", problem: "", period: month.label, community: community, adviser: adviser)
                    finding.visits = done.visits
                    finding.hours = done.hours
                    finding.requiredHours = required
                    if done.visits == 0 {
                        finding.problem = "no_visit"
                    } else if done.hours + 1e-9 < required {
                        finding.problem = "hours_short"
                    }
                    if !finding.problem.isEmpty {
                        row.compliant = false
                        violations.append(finding)
                    }
                }
                visitRows.append(row)
            }
        }

        // R4: lectures by community and quarter.
        var lectureTally: [String: (lectures: Int, attendees: Int)] = [:]
        for lecture in records.lectures where period.contains(lecture.date) {
            guard let month = CalendarMonth(day: lecture.date) else { continue }
            let key = lecture.communityID + "\u{0}" + month.quarterLabel
            lectureTally[key, default: (0, 0)].lectures += 1
            lectureTally[key, default: (0, 0)].attendees += Int(lecture.attendees)
        }
        var lectureRows: [LectureRow] = []
        let byCommunity = AppointmentSpan.grouped(records.appointments) { $0.communityID }
        for quarter in period.wholeQuarters {
            let first = quarter.dayNumbers.first
            let lastMonth = CalendarMonth(year: quarter.year, month: quarter.month + 2)
            guard lastMonth.lastDay <= asOf else { continue }
            let last = lastMonth.dayNumbers.last
            for community in records.communities.map({ $0.id.description }).sorted() {
                guard (byCommunity[community] ?? []).contains(where: { $0.overlaps(first, last) }) else { continue }
                let done = lectureTally[community + "\u{0}" + quarter.quarterLabel] ?? (0, 0)
                lectureRows.append(LectureRow(community: community, quarter: quarter.quarterLabel, lectures: done.lectures,
                                              attendees: done.attendees))
                if done.lectures == 0 {
                    violations.append(ReportFinding(rule: "R4", problem: "no_lecture", period: quarter.quarterLabel,
                                                    community: community))
                }
            }
        }

        // R5: hard questions due in the period.
        var questionRows: [HardQuestionRow] = []
        let today = CalendarDay.number(asOf)
        for entry in records.consultations {
            let question = entry.consultation
            guard question.hard, let due = question.due, period.contains(due), let dueDay = CalendarDay.number(due) else { continue }
            var row = HardQuestionRow(record: question.id.description, community: question.communityID, adviser: question.adviserID,
                                      asked: question.date, due: due, answeredOn: entry.answeredOn, status: "answered", daysLate: 0)
            if let answered = entry.answeredOn.flatMap(CalendarDay.number) {
                if answered > dueDay {
                    row.status = "answered_late"
                    row.daysLate = answered - dueDay
                }
            } else if let today, today > dueDay {
                row.status = "overdue"
                row.daysLate = today - dueDay
            } else {
                row.status = "open"
            }
            questionRows.append(row)
            guard row.status == "answered_late" || row.status == "overdue" else { continue }
            var finding = ReportFinding(rule: "R5", problem: row.status, period: String(due.prefix(7)),
                                        community: row.community, adviser: row.adviser)
            finding.record = row.record
            finding.due = due
            finding.answeredOn = row.answeredOn
            finding.daysLate = row.daysLate
            violations.append(finding)
        }
        questionRows.sort { ($0.due, $0.record) < ($1.due, $1.record) }

        let incidents = IncidentRow.rows(records.incidents, in: period)
        return ComplianceReport(period: period.label, visits: visitRows, lectures: lectureRows, hardQuestions: questionRows,
                                incidents: incidents.rows, violations: violations.sorted(by: ReportFinding.ordered),
                                warnings: incidents.warnings.sorted(by: ReportFinding.ordered))
    }
}
