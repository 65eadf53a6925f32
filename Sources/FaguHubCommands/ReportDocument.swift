import FaguCLI
import FaguReports

/// A report as people read it: a title, its sections, and its violations and warnings as
/// two more sections; rendered by ``ReportWriter`` as a table, CSV or HTML.
struct ReportDocument: Sendable {
    /// The title, with the period.
    var title: String
    /// The report's own sections.
    var sections: [ReportSection]
    /// Its violations and warnings, as two sections.
    var findings: [ReportSection]
    /// "3 violations, 1 warning".
    var summary: String
    /// What an empty section shows.
    var none: String
    /// The language's code, for the HTML page (`zh`, `en`).
    var languageCode: String

    /// A document titled for `report` (its subcommand) and `period`, with `violations` and
    /// `warnings` listed after `sections`.
    init(_ report: String, period: String, sections: [ReportSection], violations: [ReportFinding], warnings: [ReportFinding],
         _ language: Language) {
        title = language.text(Catalogue.Reports.title(report, period))
        self.sections = sections
        findings = [Self.findings(Catalogue.Reports.violations, violations, language),
                    Self.findings(Catalogue.Reports.warnings, warnings, language)]
        summary = language.text(Catalogue.Reports.summary(violations: violations.count, warnings: warnings.count))
        none = language.text(Catalogue.Reports.none)
        languageCode = language.rawValue
    }

    /// The column headers `keys` in `language`.
    static func headers(_ keys: [String], _ language: Language) -> [String] {
        keys.map { language.text(Catalogue.Reports.columns[$0] ?? Localized(zh: $0, en: $0)) }
    }

    /// Hours as a table shows them: `6`, `5.5`.
    static func hours(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    private static func findings(_ title: Localized, _ items: [ReportFinding], _ language: Language) -> ReportSection {
        let text = Catalogue.Reports.self
        return ReportSection(
            title: language.text(title),
            headers: headers(["rule", "period", "community", "adviser", "record", "problem", "detail"], language),
            rows: items.map { item in
                [item.rule, item.period, item.community ?? "", item.adviser ?? "", item.record ?? item.appointment ?? "",
                 language.text(text.problem(item.problem)), detail(item, language)]
            })
    }

    private static func detail(_ item: ReportFinding, _ language: Language) -> String {
        let text = Catalogue.Reports.self
        if let problems = item.problems {
            return problems.map { language.text(text.problem($0)) }.joined(separator: language == .zh ? "、" : ", ")
        }
        switch item.rule {
        case "R1": return language.text(text.uncovered(item.uncoveredDays ?? 0, from: item.firstUncoveredDay ?? ""))
        case "R2": return language.text(text.communitiesServed((item.communities ?? []).joined(separator: " "), reason: item.reason))
        case "R3":
            return language.text(text.hoursDone(visits: item.visits ?? 0, hours: hours(item.hours ?? 0),
                                                required: hours(item.requiredHours ?? 0)))
        case "R5": return language.text(text.lateness(due: item.due ?? "", answered: item.answeredOn, days: item.daysLate ?? 0))
        case "R6":
            if item.deviceClockAhead == true { return language.text(text.clockAhead) }
            return item.delayMinutes.map { language.text(text.delay($0)) } ?? language.text(text.notSynced)
        case "R8": return language.text(text.yuan(item.feeCNY ?? 0))
        default: return ""
        }
    }
}
