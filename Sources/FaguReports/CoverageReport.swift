import FaguDomain

/// `report coverage`: R1 (every community has an active adviser every day), R2 (an adviser
/// serves at most 3 communities at once, else a reason), R9 (appointments publish contact
/// and service hours) and R7 (advisers' qualifications), over a period.
///
/// R1 is a violation per community × month with an uncovered day; R2 a warning per adviser ×
/// month whose busiest day has more than 3 communities, with the reasons recorded on the
/// adviser's appointments running that month (`reason`, null when there are none); R9 a warning per appointment running
/// in the period (contact is the adviser's phone, service hours the appointment's); R7 a
/// warning per adviser appointed in the period with under 2 years' practice at the start of
/// their earliest such appointment, or an education below college (大专), or either unknown.
public struct CoverageReport: Sendable, Encodable {
    /// The period's label.
    public var period: String
    /// One row per community.
    public var rows: [CoverageRow]
    /// R1 findings.
    public var violations: [ReportFinding]
    /// R2, R7 and R9 findings.
    public var warnings: [ReportFinding]

    /// Most communities an adviser serves at once without a reason (R2).
    public static let communityLimit = 3
    /// Least years of practice (R7).
    public static let practiceYears = 2

    /// The report over `records` for `period`.
    ///
    /// - Complexity: O(days × appointments) for the period.
    public static func compute(_ records: DistrictRecords, period: ReportPeriod) -> CoverageReport {
        let byCommunity = AppointmentSpan.grouped(records.appointments) { $0.communityID }
        let byAdviser = AppointmentSpan.grouped(records.appointments) { $0.adviserID }
        let (from, to) = (period.months[0].dayNumbers.first, period.months[period.months.count - 1].dayNumbers.last)
        var rows: [CoverageRow] = [], violations: [ReportFinding] = [], warnings: [ReportFinding] = []

        for community in records.communities.sorted(by: { $0.id < $1.id }) {
            let id = community.id.description, spans = byCommunity[id] ?? []
            var total = 0
            for month in period.months {
                let (first, last) = month.dayNumbers
                let uncovered = (first...last).filter { day in !spans.contains { $0.covers(day) } }
                guard let firstUncovered = uncovered.first else { continue }
                total += uncovered.count
                var finding = ReportFinding(rule: "R1", problem: "no_adviser", period: month.label, community: id)
                finding.uncoveredDays = uncovered.count
                finding.firstUncoveredDay = CalendarDay.text(firstUncovered)
                violations.append(finding)
            }
            let advisers = Set(spans.filter { $0.overlaps(from, to) }.map(\.appointment.adviserID)).sorted()
            rows.append(CoverageRow(community: id, name: community.name, advisers: advisers, uncoveredDays: total))
        }

        for (adviser, spans) in byAdviser.sorted(by: { $0.key < $1.key }) {
            for month in period.months {
                let (first, last) = month.dayNumbers
                let active = spans.filter { $0.overlaps(first, last) }
                guard Set(active.map(\.appointment.communityID)).count > communityLimit else { continue }
                var busiest: Set<String> = []
                for day in first...last {
                    let served = Set(active.filter { $0.covers(day) }.map(\.appointment.communityID))
                    if served.count > busiest.count { busiest = served }
                }
                guard busiest.count > communityLimit else { continue }
                var finding = ReportFinding(rule: "R2", problem: "over_community_limit", period: month.label, adviser: adviser)
                finding.communities = busiest.sorted()
                finding.reason = reason(of: active)
                warnings.append(finding)
            }
        }

        let advisers = Dictionary(records.advisers.map { ($0.id.description, $0) }, uniquingKeysWith: { first, _ in first })
        let running = records.appointments.compactMap(AppointmentSpan.init).filter { $0.overlaps(from, to) }
        for span in running {
            let appointment = span.appointment
            var missing: [String] = []
            if blank(advisers[appointment.adviserID]?.phone) { missing.append("contact") }
            if blank(appointment.serviceHours) { missing.append("service_hours") }
            guard !missing.isEmpty else { continue }
            var finding = ReportFinding(rule: "R9", problem: "not_published", period: period.label,
                                        community: appointment.communityID, adviser: appointment.adviserID)
            finding.appointment = appointment.id.description
            finding.problems = missing
            warnings.append(finding)
        }

        for (adviserID, spans) in Dictionary(grouping: running, by: \.appointment.adviserID).sorted(by: { $0.key < $1.key }) {
            let earliest = spans.map(\.appointment.start).min() ?? period.firstDay
            let startYear = Int(earliest.prefix(4)) ?? period.year
            var problems: [String] = []
            if let adviser = advisers[adviserID] {
                if let since = adviser.practiceSince {
                    if startYear - Int(since) < practiceYears { problems.append("practice_under_2_years") }
                } else {
                    problems.append("practice_unknown")
                }
                switch adviser.education {
                case .none: problems.append("education_unknown")
                case .other?: problems.append("education_below_college")
                default: break
                }
            } else {
                problems.append("not_on_roster")
            }
            guard !problems.isEmpty else { continue }
            var finding = ReportFinding(rule: "R7", problem: "qualification", period: period.label, adviser: adviserID)
            finding.problems = problems
            warnings.append(finding)
        }
        return CoverageReport(period: period.label, rows: rows, violations: violations.sorted(by: ReportFinding.ordered),
                              warnings: warnings.sorted(by: ReportFinding.ordered))
    }

    /// The reasons recorded on `spans` (R2's `over_limit_reason`), each once, in the order of
    /// their communities, joined by `; `; nil when none is.
    static func reason(of spans: [AppointmentSpan]) -> String? {
        var reasons: [String] = []
        let ordered = spans.map(\.appointment).sorted { ($0.communityID, $0.id) < ($1.communityID, $1.id) }
        for appointment in ordered {
            guard let reason = appointment.overLimitReason, !blank(reason), !reasons.contains(reason) else { continue }
            reasons.append(reason)
        }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }

    private static func blank(_ text: String?) -> Bool {
        (text ?? "").allSatisfy { $0.isWhitespace }
    }
}
