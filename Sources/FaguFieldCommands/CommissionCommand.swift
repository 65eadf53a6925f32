import ArgumentParser
import FaguCLI
import FaguDomain
import FaguModel
import FaguSync

/// `fagu commission add`: a document drafted or litigation taken on.
struct CommissionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commission", abstract: "Log a document drafted or litigation taken on (接受法律服务委托).",
        subcommands: [CommissionAddCommand.self])
}

/// `fagu commission add`.
struct CommissionAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Log a commission.")

    @OptionGroup var duty: DutyOptions
    @Option(name: .long, help: ArgumentHelp("document or litigation.", valueName: "KIND"))
    var kind: String
    @Option(name: .long, help: ArgumentHelp("What was commissioned.", valueName: "TEXT"))
    var summary: String
    @OptionGroup var options: DeviceOptions

    func run() throws {
        let language = options.language
        guard let kind = Commission.Kind(rawValue: kind) else {
            throw CommandFailure(language.text(Catalogue.commissionKindInvalid), exitCode: 2)
        }
        let summary = try WriteChecks.text(summary, "--summary", language)
        try duty.log(options) { id, date, adviser in
            Commission(id: id, communityID: duty.community, adviserID: adviser, date: date, kind: kind, summary: summary)
        }
    }
}
