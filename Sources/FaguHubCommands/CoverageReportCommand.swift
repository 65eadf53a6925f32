import ArgumentParser
import FaguCLI
import FaguReports

/// `fagu-hub report coverage`: R1, R2, R7 and R9.
struct CoverageReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Communities without an adviser (R1), advisers over 3 communities (R2), qualifications (R7), publication (R9).")

    @OptionGroup var options: ReportOptions

    func run() throws {
        let period = try options.period()
        let report = CoverageReport.compute(try options.load(), period: period)
        try options.emit(report) { report.document(options.language) }
    }
}

extension CoverageReport {
    /// The report as people read it.
    func document(_ language: Language) -> ReportDocument {
        let rows = rows.map { [$0.community, $0.name, $0.advisers.joined(separator: " "), String($0.uncoveredDays)] }
        let uncovered = self.rows.filter { $0.uncoveredDays > 0 }
        let section = ReportSection(
            title: language.text(Catalogue.Reports.communities),
            headers: ReportDocument.headers(["community", "name", "advisers", "uncovered_days"], language), rows: rows,
            numeric: [3],
            chart: uncovered.isEmpty ? nil : ReportChart(title: language.text(Catalogue.Reports.columns["uncovered_days"]!),
                                                        labels: uncovered.map(\.community),
                                                        values: uncovered.map { Double($0.uncoveredDays) }))
        return ReportDocument("coverage", period: period, sections: [section], violations: violations, warnings: warnings, language)
    }
}
