import ArgumentParser
import FaguCLI
import FaguReports

/// `fagu-hub report incidents`: R6.
struct IncidentsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents", abstract: "Incident reports and how long each took to reach the hub (R6).")

    @OptionGroup var options: ReportOptions

    func run() throws {
        let period = try options.period()
        let report = IncidentsReport.compute(try options.load(), period: period)
        try options.emit(report) { ReportDocument("incidents", period: report.period,
                                                  sections: [IncidentRow.section(report.incidents, options.language)],
                                                  violations: report.violations, warnings: report.warnings, options.language) }
    }
}
