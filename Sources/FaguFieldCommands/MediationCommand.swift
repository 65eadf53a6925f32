import ArgumentParser
import FaguCLI
import FaguDomain
import FaguModel
import FaguSync

/// `fagu mediation add`: a mediation joined on the mediation committee's invitation.
struct MediationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mediation", abstract: "Log a mediation joined on the committee's invitation (参与纠纷调解).",
        subcommands: [MediationAddCommand.self])
}

/// `fagu mediation add`.
struct MediationAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Log a mediation: category, parties' dispute, outcome.")

    @OptionGroup var duty: DutyOptions
    @Option(name: .long, help: ArgumentHelp("The dispute's category, by code or Chinese name.", valueName: "CATEGORY"))
    var category: String
    @Option(name: .long, help: ArgumentHelp("The parties and the dispute.", valueName: "TEXT"))
    var summary: String
    @Option(name: .long, help: ArgumentHelp("How it ended.", valueName: "TEXT"))
    var outcome: String?
    @OptionGroup var options: DeviceOptions

    func run() throws {
        let language = options.language
        let category = try WriteChecks.category(category, flag: "--category", language)
        let summary = try WriteChecks.text(summary, "--summary", language)
        let outcome = try outcome.map { try WriteChecks.text($0, "--outcome", language) }
        try duty.log(options) { id, date, adviser in
            Mediation(id: id, communityID: duty.community, adviserID: adviser, date: date, category: category, summary: summary, outcome: outcome)
        }
    }
}
