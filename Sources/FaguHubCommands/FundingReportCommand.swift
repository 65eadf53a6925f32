import ArgumentParser
import FaguCLI
import FaguReports

/// `fagu-hub report funding --year YYYY`: R8.
struct FundingReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "funding", abstract: "Each community's fees for the year against 10,000 CNY (R8).")

    @OptionGroup var options: ReportOptions

    func run() throws {
        if options.month != nil || options.quarter != nil {
            throw CommandFailure(options.language.text(Catalogue.Reports.yearOnly), exitCode: 2)
        }
        let period = try options.period(byYear: true)
        let report = FundingReport.compute(try options.load(), year: period.year)
        try options.emit(report) { report.document(options.language) }
    }
}

extension FundingReport {
    /// The report as people read it.
    func document(_ language: Language) -> ReportDocument {
        let section = ReportSection(
            title: language.text(Catalogue.Reports.funding),
            headers: ReportDocument.headers(["community", "name", "total_cny", "appointments"], language),
            rows: rows.map { row in
                [row.community, row.name, String(row.totalCNY),
                 row.appointments.map { "\($0.appointment): \($0.shareCNY)" }.joined(separator: "; ")]
            }, numeric: [2],
            chart: rows.isEmpty ? nil : ReportChart(title: language.text(Catalogue.Reports.columns["total_cny"]!),
                                                    labels: rows.map(\.community), values: rows.map { Double($0.totalCNY) },
                                                    threshold: Double(FundingReport.floorCNY)))
        return ReportDocument("funding", period: period, sections: [section], violations: violations, warnings: warnings, language)
    }
}
