import ArgumentParser

/// `fagu-hub report`: the bureau's rules checked over a period, read-only.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports on the district: rules R1–R9 checked, funding, incidents (报告).",
        discussion: """
            Reports open the hub's replica read-only (safe beside fagu-hub serve) and count only \
            records the hub accepted. Every report takes --month YYYY-MM, --quarter YYYY-Qn or \
            --year YYYY (default: this month; funding: this year), --format table|csv|json|html \
            (--json is json) and --out FILE.
            """,
        subcommands: [CoverageReportCommand.self, ComplianceReportCommand.self, FundingReportCommand.self,
                      IncidentsReportCommand.self, StatsReportCommand.self, EvaluationReportCommand.self])
}
