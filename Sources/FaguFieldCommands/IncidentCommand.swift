import ArgumentParser
import FaguCLI
import FaguDomain
import FaguModel
import FaguSync

/// `fagu incident report`: a brewing mass dispute or major matter, reported at once.
struct IncidentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident", abstract: "Report a brewing mass dispute or major matter at once (事项报告).",
        subcommands: [IncidentReportCommand.self])
}

/// `fagu incident report`.
struct IncidentReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Report an incident; sync as soon as there is signal (fagu sync).")

    @OptionGroup var duty: DutyOptions
    @Option(name: .long, help: ArgumentHelp("major (重大事项) or mass (群体性纠纷).", valueName: "LEVEL"))
    var level: String
    @Option(name: .long, help: ArgumentHelp("What is happening.", valueName: "TEXT"))
    var summary: String
    @OptionGroup var options: DeviceOptions

    func run() throws {
        let language = options.language
        guard let level = IncidentReport.Level(rawValue: level) else {
            throw CommandFailure(language.text(Catalogue.incidentLevelInvalid), exitCode: 2)
        }
        let summary = try WriteChecks.text(summary, "--summary", language)
        try duty.log(options) { id, date, adviser in
            IncidentReport(id: id, communityID: duty.community, adviserID: adviser, date: date, level: level, summary: summary)
        }
    }
}
