import ArgumentParser
import FaguCLI
import FaguDomain
import FaguModel
import Foundation

/// `fagu log …`: record work done on site.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Log work done in a community (工作日志).", subcommands: [LogVisitCommand.self])
}

/// `fagu log visit`: a visit to a community, with its hours on site.
struct LogVisitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visit", abstract: "Log a visit to a community and the hours on site (驻点服务).")

    @Option(name: .long, help: ArgumentHelp("The community's code, e.g. c01.", valueName: "ID"))
    var community: String
    @Option(name: .long, help: ArgumentHelp("The day of the visit.", valueName: "YYYY-MM-DD"))
    var date: String
    @Option(name: .long, help: ArgumentHelp("Hours on site (0 < H ≤ 24).", valueName: "H"))
    var hours: Double
    @Option(name: .long, help: ArgumentHelp("What was done.", valueName: "TEXT"))
    var note: String?
    @Option(name: .long, help: ArgumentHelp("On an office device: the adviser who visited.", valueName: "ID"))
    var adviser: String?

    @OptionGroup var options: DeviceOptions

    func run() throws {
        let language = options.language
        try WriteChecks.date(date, language)
        guard hours > 0, hours <= 24 else {
            throw CommandFailure(language.text(Catalogue.hoursOutOfRange), exitCode: 2)
        }
        let device = try options.openDevice()
        try WriteChecks.work(in: community, dated: date, on: device, language)
        let adviserID = try WriteChecks.adviser(adviser, on: device, dated: date, language)
        let id = try failing(language) {
            try device.replica.write { transaction in
                try transaction.insert(Visit(id: transaction.newRecordID(), communityID: community, adviserID: adviserID,
                                             date: date, hours: hours, note: note))
            }
        }
        try WrittenRecord.report(id, options)
    }
}
