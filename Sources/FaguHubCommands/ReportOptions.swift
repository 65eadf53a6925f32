import ArgumentParser
import FaguCLI
import FaguReports
import Foundation

/// The options every `fagu-hub report` subcommand takes: the period, the format, where to
/// write, and the hub's own (`--home`, `--json`, `--lang`).
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A month.", valueName: "YYYY-MM")) var month: String?
    @Option(name: .long, help: ArgumentHelp("A quarter.", valueName: "YYYY-Qn")) var quarter: String?
    @Option(name: .long, help: ArgumentHelp("A year.", valueName: "YYYY")) var year: String?
    @Option(name: .long, help: ArgumentHelp("table, csv, json or html (default table; --json is json).", valueName: "FORMAT"))
    var format: String?
    @Option(name: .long, help: ArgumentHelp("Write the report to FILE instead of stdout.", valueName: "FILE")) var out: String?

    @OptionGroup var hub: HubOptions

    /// The language to speak.
    var language: Language { hub.language }

    mutating func validate() throws {
        if [month, quarter, year].compactMap({ $0 }).count > 1 {
            throw ValidationError(language.text(Catalogue.Reports.onePeriodOnly))
        }
        if let format, ReportFormat(rawValue: format) == nil {
            throw ValidationError(language.text(Catalogue.Reports.formatInvalid(format)))
        }
    }

    /// The format asked for: `--format`, else json with `--json`, else table.
    var reportFormat: ReportFormat {
        format.flatMap(ReportFormat.init(rawValue:)) ?? (hub.output.json ? .json : .table)
    }

    /// The period asked for; with none, the month (or year) of `today` in Shanghai.
    func period(byYear: Bool = false, today: String = CalendarDate.today()) throws -> ReportPeriod {
        do throws(ReportPeriodError) {
            if let month { return try .month(month) }
            if let quarter { return try .quarter(quarter) }
            if let year { return try .year(year) }
        } catch {
            throw CommandFailure(language.text(Catalogue.Reports.periodInvalid(error.given, error.expected)), exitCode: 2)
        }
        return byYear ? .year(Int(today.prefix(4)) ?? 2026) : .month(CalendarMonth(day: today) ?? CalendarMonth(year: 2026, month: 1))
    }

    /// The hub's records, read-only.
    func load() throws -> DistrictRecords { try ReportLoader.load(home: hub.homePath, language) }

    /// Writes `report` in the format asked for, to `--out` or stdout.
    func emit<T: Encodable>(_ report: T, document: () -> ReportDocument) throws {
        let data = try failing(language) { try ReportWriter.render(report, document: document, as: reportFormat) }
        guard let out else { return FileHandle.standardOutput.write(data) }
        try failing(language) { try data.write(to: URL(fileURLWithPath: out), options: .atomic) }
        if reportFormat != .json || !hub.output.json {
            FileHandle.standardError.write(Data((language.text(Catalogue.Reports.written(out)) + "\n").utf8))
        }
    }
}
