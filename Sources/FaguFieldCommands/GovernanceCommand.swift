import ArgumentParser
import FaguCLI
import FaguDomain
import FaguModel
import FaguSync

/// `fagu governance add`: village rules, a contract, a decision or an election reviewed.
struct GovernanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "governance", abstract: "Log rules, a contract, a decision or an election reviewed (依法治理).",
        subcommands: [GovernanceAddCommand.self])
}

/// `fagu governance add`.
struct GovernanceAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Log a governance item reviewed.")

    @OptionGroup var duty: DutyOptions
    @Option(name: .long, help: ArgumentHelp("rules, contract, decision or election.", valueName: "KIND"))
    var kind: String
    @Option(name: .long, help: ArgumentHelp("What was reviewed and the advice given.", valueName: "TEXT"))
    var summary: String
    @OptionGroup var options: DeviceOptions

    func run() throws {
        let language = options.language
        guard let kind = GovernanceItem.Kind(rawValue: kind) else {
            throw CommandFailure(language.text(Catalogue.governanceKindInvalid), exitCode: 2)
        }
        let summary = try WriteChecks.text(summary, "--summary", language)
        try duty.log(options) { id, date, adviser in
            GovernanceItem(id: id, communityID: duty.community, adviserID: adviser, date: date, kind: kind, summary: summary)
        }
    }
}
