import ArgumentParser
import FaguCLI
import FaguReports
import Foundation

/// `fagu-hub report evaluation --year YYYY [--adviser ID]`: the annual evaluation.
struct EvaluationReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluation",
        abstract: "Each adviser's year scored on the bureau's sheet (年度评估).",
        discussion: """
            The weights are read from --weights FILE, else reports.weights of the configuration \
            file, else evaluation-weights.json in the hub's home, else the default (tools/reports/evaluation-weights.json holds a copy to edit).
            """)

    @Option(name: .long, help: ArgumentHelp("Only this adviser.", valueName: "ID")) var adviser: String?
    @Option(name: .long, help: ArgumentHelp("The score sheet (JSON).", valueName: "FILE")) var weights: String?
    @OptionGroup var options: ReportOptions

    func run() throws {
        if options.month != nil || options.quarter != nil {
            throw CommandFailure(options.language.text(Catalogue.Reports.yearOnly), exitCode: 2)
        }
        let period = try options.period(byYear: true)
        let sheet = try loadWeights(configured: try options.hub.settings().reportWeights)
        let report = EvaluationReport.compute(try options.load(), year: period.year, weights: sheet, adviser: adviser,
                                              asOf: CalendarDate.today())
        try options.emit(report) { report.document(options.language) }
    }

    /// The sheet from `--weights`, the configuration's `reports.weights`, the home's file, or the default.
    func loadWeights(configured: String?) throws -> EvaluationWeights {
        let language = options.language
        let homeFile = options.hub.homePath + "/evaluation-weights.json"
        guard let path = weights ?? configured ?? (FileManager.default.fileExists(atPath: homeFile) ? homeFile : nil) else { return .standard }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try JSONDecoder().decode(EvaluationWeights.self, from: data).validated()
        } catch let error as EvaluationWeightsError {
            throw CommandFailure(language.text(Catalogue.Reports.weightsInvalid(path, error.key)), exitCode: 2)
        } catch {
            throw CommandFailure(language.text(Catalogue.Reports.weightsInvalid(path, "\(error)")), exitCode: 2)
        }
    }
}

extension EvaluationReport {
    /// The report as people read it: one row per adviser, then each adviser's sheet.
    func document(_ language: Language) -> ReportDocument {
        let text = Catalogue.Reports.self
        let summary = ReportSection(
            title: language.text(text.reportNames["evaluation"]!),
            headers: ReportDocument.headers(["adviser", "name", "score", "visits", "hours", "consultations", "mediations",
                                             "lectures", "violations"], language),
            rows: advisers.map { row in
                [row.adviser, row.name, ReportDocument.hours(row.score), String(row.indicators.visits),
                 ReportDocument.hours(row.indicators.hours), String(row.indicators.consultations), String(row.indicators.mediations),
                 String(row.indicators.lectures), String(row.violations.count)]
            }, numeric: [2, 3, 4, 5, 6, 7, 8],
            chart: advisers.isEmpty ? nil : ReportChart(title: language.text(text.columns["score"]!),
                                                        labels: advisers.prefix(40).map(\.adviser),
                                                        values: advisers.prefix(40).map(\.score)))
        let sheets = advisers.map { row in
            ReportSection(
                title: "\(row.adviser) \(row.name)",
                headers: ReportDocument.headers(["indicator", "value", "weight", "target", "score"], language),
                rows: row.lines.map { line in
                    [language.text(text.indicator(line.key)), ReportDocument.hours(line.value), ReportDocument.hours(line.weight),
                     line.target.map(ReportDocument.hours) ?? "", String(format: "%.1f", line.points + 0)]
                }, numeric: [1, 2, 3, 4])
        }
        return ReportDocument("evaluation", period: period, sections: [summary] + sheets, violations: violations,
                              warnings: warnings, language)
    }
}
