import ArgumentParser
import FaguCLI
import FaguReports

/// `fagu-hub report compliance`: R3, R4, R5 and R6.
struct ComplianceReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compliance",
        abstract: "Visits and hours (R3), lectures (R4), hard questions (R5) and incident delays (R6).")

    @OptionGroup var options: ReportOptions

    func run() throws {
        let period = try options.period()
        let report = ComplianceReport.compute(try options.load(), period: period, asOf: CalendarDate.today())
        try options.emit(report) { report.document(options.language) }
    }
}

extension ComplianceReport {
    /// The report as people read it.
    func document(_ language: Language) -> ReportDocument {
        let text = Catalogue.Reports.self
        let mark = { (ok: Bool) in language.text(ok ? text.yes : text.no) }
        let visitSection = ReportSection(
            title: language.text(text.visits),
            headers: ReportDocument.headers(["adviser", "community", "month", "covered_days", "visits", "hours", "required_hours",
                                             "compliant"], language),
            rows: visits.map { row in
                [row.adviser, row.community, row.month, "\(row.coveredDays)/\(row.monthDays)", String(row.visits),
                 ReportDocument.hours(row.hours), row.requiredHours.map(ReportDocument.hours) ?? language.text(text.notAssessed),
                 mark(row.compliant)]
            }, numeric: [3, 4, 5, 6],
            chart: chartOfMonths(language))
        let lectureSection = ReportSection(
            title: language.text(text.lectures),
            headers: ReportDocument.headers(["community", "quarter", "lectures", "attendees"], language),
            rows: lectures.map { [$0.community, $0.quarter, String($0.lectures), String($0.attendees)] }, numeric: [2, 3])
        let questionSection = ReportSection(
            title: language.text(text.hardQuestions),
            headers: ReportDocument.headers(["record", "community", "adviser", "asked", "due", "answered_on", "status", "days_late"],
                                            language),
            rows: hardQuestions.map { row in
                [row.record, row.community, row.adviser, row.asked, row.due, row.answeredOn ?? "",
                 language.text(text.problem(row.status)), String(row.daysLate)]
            }, numeric: [7])
        return ReportDocument("compliance", period: period, sections: [visitSection, lectureSection, questionSection,
                                                                       IncidentRow.section(incidents, language)],
                              violations: violations, warnings: warnings, language)
    }

    /// The share of adviser × community months that met R3, month by month.
    private func chartOfMonths(_ language: Language) -> ReportChart? {
        let months = Dictionary(grouping: visits.filter { $0.requiredHours != nil }, by: \.month).sorted { $0.key < $1.key }
        guard !months.isEmpty else { return nil }
        return ReportChart(title: language.text(Catalogue.Reports.columns["compliant"]!) + " %", labels: months.map(\.key),
                           values: months.map { 100 * Double($0.value.filter(\.compliant).count) / Double($0.value.count) })
    }
}

extension IncidentRow {
    /// The incident reports as a section, with their delays charted.
    static func section(_ rows: [IncidentRow], _ language: Language) -> ReportSection {
        let text = Catalogue.Reports.self
        let delayed = rows.filter { $0.delayMinutes != nil && !$0.deviceClockAhead }
        return ReportSection(
            title: language.text(text.incidents),
            headers: ReportDocument.headers(["record", "community", "adviser", "date", "level", "summary", "delay_minutes"], language),
            rows: rows.map { row in
                [row.record, row.community, row.adviser, row.date, row.level, row.summary,
                 row.deviceClockAhead ? language.text(text.clockAhead)
                    : row.delayMinutes.map(String.init) ?? language.text(text.notSynced)]
            }, numeric: [6],
            chart: delayed.isEmpty ? nil : ReportChart(title: language.text(text.columns["delay_minutes"]!),
                                                       labels: delayed.map { $0.date + " " + $0.community },
                                                       values: delayed.map { Double($0.delayMinutes ?? 0) }))
    }
}
