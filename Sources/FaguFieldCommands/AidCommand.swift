import ArgumentParser
import FaguCLI
import FaguDomain
import FaguModel
import FaguSync

/// `fagu aid …`: legal-aid referrals.
struct AidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aid", abstract: "Log a legal-aid referral and its status later (协助申请法律援助).",
        subcommands: [AidReferCommand.self, AidStatusCommand.self])
}

/// `fagu aid refer`.
struct AidReferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "refer", abstract: "Log a referral to legal aid.")

    @OptionGroup var duty: DutyOptions
    @Option(name: .long, help: ArgumentHelp("Who was referred, and for what.", valueName: "TEXT"))
    var summary: String
    @OptionGroup var options: DeviceOptions

    func run() throws {
        let summary = try WriteChecks.text(summary, "--summary", options.language)
        try duty.log(options) { id, date, adviser in
            LegalAidReferral(id: id, communityID: duty.community, adviserID: adviser, date: date, summary: summary, status: .referred)
        }
    }
}

/// `fagu aid status ID --status accepted|rejected`.
struct AidStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Record what became of a referral.")

    @Argument(help: ArgumentHelp("The referral's id.", valueName: "ID"))
    var id: String
    @Option(name: .long, help: ArgumentHelp("referred, accepted or rejected.", valueName: "STATUS"))
    var status: String
    @OptionGroup var options: DeviceOptions

    func run() throws {
        let language = options.language
        guard let status = LegalAidReferral.Status(rawValue: status) else {
            throw CommandFailure(language.text(Catalogue.aidStatusInvalid), exitCode: 2)
        }
        try WorkUpdate.write(LegalAidReferral.self, id, fields: ["status": .text(status.rawValue)], options: options)
    }
}
