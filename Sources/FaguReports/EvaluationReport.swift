import FaguDomain

/// `report evaluation --year`: per adviser, the figures of the annual evaluation, scored by
/// an ``EvaluationWeights`` sheet, with the year's violations and warnings involving them.
public struct EvaluationReport: Sendable, Encodable {
    /// The year.
    public var period: String
    /// The sheet used.
    public var weights: EvaluationWeights
    /// One evaluation per adviser, highest score first.
    public var advisers: [AdviserEvaluation]
    /// Every adviser's violations of the year.
    public var violations: [ReportFinding]
    /// Every adviser's warnings of the year.
    public var warnings: [ReportFinding]

    /// The report over `records` for the year `year`, for every adviser or only `adviser`,
    /// judging open hard questions as of `asOf`.
    public static func compute(_ records: DistrictRecords, year: Int, weights: EvaluationWeights = .standard,
                               adviser only: String? = nil, asOf: String) -> EvaluationReport {
        let period = ReportPeriod.year(year)
        let compliance = ComplianceReport.compute(records, period: period, asOf: asOf)
        let coverage = CoverageReport.compute(records, period: period)
        var figures: [String: AdviserIndicators] = [:]
        for row in compliance.visits where row.requiredHours != nil {
            figures[row.adviser, default: AdviserIndicators()].monthsAssessed += 1
            if row.compliant { figures[row.adviser, default: AdviserIndicators()].monthsCompliant += 1 }
        }
        for finding in compliance.violations {
            guard let adviser = finding.adviser else { continue }
            if finding.problem == "no_visit" { figures[adviser, default: AdviserIndicators()].noVisitMonths += 1 }
            if finding.rule == "R5" { figures[adviser, default: AdviserIndicators()].overdueAnswers += 1 }
        }
        for visit in records.visits where period.contains(visit.date) {
            figures[visit.adviserID, default: AdviserIndicators()].visits += 1
            figures[visit.adviserID, default: AdviserIndicators()].hours += visit.hours
        }
        for entry in records.consultations where period.contains(entry.consultation.date) {
            let code = ConsultationTopic.code(of: entry.consultation.topic) ?? entry.consultation.topic
            figures[entry.consultation.adviserID, default: AdviserIndicators()].consultations += 1
            figures[entry.consultation.adviserID, default: AdviserIndicators()].consultationsByCategory[code, default: 0] += 1
        }
        for mediation in records.mediations where period.contains(mediation.date) {
            figures[mediation.adviserID, default: AdviserIndicators()].mediations += 1
            figures[mediation.adviserID, default: AdviserIndicators()].mediationOutcomes[mediation.outcome ?? "pending", default: 0] += 1
        }
        for referral in records.legalAid where period.contains(referral.date) {
            figures[referral.adviserID, default: AdviserIndicators()].legalAid += 1
        }
        for item in records.governance where period.contains(item.date) {
            figures[item.adviserID, default: AdviserIndicators()].governance += 1
        }
        for lecture in records.lectures where period.contains(lecture.date) {
            figures[lecture.adviserID, default: AdviserIndicators()].lectures += 1
            figures[lecture.adviserID, default: AdviserIndicators()].attendees += Int(lecture.attendees)
        }
        for commission in records.commissions where period.contains(commission.date) {
            figures[commission.adviserID, default: AdviserIndicators()].commissions += 1
        }
        for entry in records.incidents where period.contains(entry.report.date) {
            figures[entry.report.adviserID, default: AdviserIndicators()].incidents += 1
        }

        let appointed = Set(records.appointments.compactMap(AppointmentSpan.init)
            .filter { $0.overlaps(CalendarDay.number(period.firstDay)!, CalendarDay.number(period.lastDay)!) }
            .map(\.appointment.adviserID))
        let advisers = records.advisers.filter { appointed.contains($0.id.description) || figures[$0.id.description] != nil }
            .filter { only == nil || $0.id.description == only }
        let allViolations = compliance.violations + coverage.violations
        let allWarnings = compliance.warnings + coverage.warnings
        let evaluations = advisers.map { adviser -> AdviserEvaluation in
            let id = adviser.id.description, indicators = figures[id] ?? AdviserIndicators()
            var lines = weights.indicators.map { indicator in
                let value = indicators.value(indicator.key)
                return ScoreLine(key: indicator.key, value: value, weight: indicator.weight, target: indicator.target,
                                 points: indicator.weight * min(1, value / indicator.target))
            }
            lines += weights.penalties.map { penalty in
                let value = indicators.value(penalty.key)
                return ScoreLine(key: penalty.key, value: value, weight: penalty.points, target: nil, points: -penalty.points * value)
            }
            let score = (max(0, lines.reduce(0) { $0 + $1.points }) * 10).rounded() / 10
            return AdviserEvaluation(adviser: id, name: adviser.name, indicators: indicators, lines: lines, score: score,
                                     violations: allViolations.filter { $0.adviser == id },
                                     warnings: allWarnings.filter { $0.adviser == id })
        }.sorted { ($1.score, $0.adviser) < ($0.score, $1.adviser) }
        return EvaluationReport(period: period.label, weights: weights, advisers: evaluations,
                                violations: evaluations.flatMap(\.violations).sorted(by: ReportFinding.ordered),
                                warnings: evaluations.flatMap(\.warnings).sorted(by: ReportFinding.ordered))
    }
}
