import ArgumentParser
import FaguCLI
import FaguDomain
import FaguReports

/// `fagu-hub report stats`: consultations and disputes by category, community and month.
struct StatsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Consultations and disputes by category, community and month, with each category's trend (统计分析).")

    @OptionGroup var options: ReportOptions

    func run() throws {
        let period = try options.period()
        let report = StatsReport.compute(try options.load(), period: period)
        try options.emit(report) { report.document(options.language) }
    }
}

extension StatsReport {
    /// Eight levels of a sparkline.
    private static let bars = Array("▁▂▃▄▅▆▇█")

    /// `counts` as a sparkline, one character a month.
    static func sparkline(_ counts: [Int]) -> String {
        let top = max(counts.max() ?? 0, 1)
        return String(counts.map { bars[min(7, $0 * 7 / top)] })
    }

    /// The report as people read it.
    func document(_ language: Language) -> ReportDocument {
        let text = Catalogue.Reports.self
        let categorySection = ReportSection(
            title: language.text(text.categories(months.first ?? "", months.last ?? "")),
            headers: ReportDocument.headers(["kind", "category", "total", "last_month", "previous_average", "trend"], language),
            rows: categories.map { row in
                [language.text(text.workKind(row.kind)), language == .zh ? row.name : row.category, String(row.total),
                 String(row.lastMonth), String(format: "%.1f", row.previousAverage),
                 Self.sparkline(row.counts) + (row.rising ? " ▲" : "")]
            }, numeric: [2, 3, 4],
            chart: categories.isEmpty ? nil : ReportChart(
                title: language.text(text.columns["total"]!),
                labels: categories.prefix(20).map { language.text(text.workKind($0.kind)) + " " + (language == .zh ? $0.name : $0.category) },
                values: categories.prefix(20).map { Double($0.total) }))
        let communitySection = ReportSection(
            title: language.text(text.communities),
            headers: ReportDocument.headers(["community", "consultations", "mediations", "top_category"], language),
            rows: communities.map { row in
                [row.community, String(row.consultations), String(row.mediations),
                 row.topCategory.map { language == .zh ? ConsultationTopic.name(of: $0) : $0 } ?? ""]
            }, numeric: [1, 2])
        return ReportDocument("stats", period: period, sections: [categorySection, communitySection], violations: violations,
                              warnings: warnings, language)
    }
}
