import ArgumentParser
import FaguCLI
import FaguDomain
import FaguModel
import FaguSync

/// `fagu lecture add`: a lecture given (R4: at least one per community per quarter).
struct LectureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lecture", abstract: "Log a lecture given (法治讲座).", subcommands: [LectureAddCommand.self])
}

/// `fagu lecture add`.
struct LectureAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Log a lecture: topic and attendees.")

    @OptionGroup var duty: DutyOptions
    @Option(name: .long, help: ArgumentHelp("The lecture's topic.", valueName: "TEXT"))
    var topic: String
    @Option(name: .long, help: ArgumentHelp("How many attended (0 or more).", valueName: "N"))
    var attendees: Int64
    @OptionGroup var options: DeviceOptions

    func run() throws {
        let language = options.language
        let topic = try WriteChecks.text(topic, "--topic", language)
        guard attendees >= 0 else {
            throw CommandFailure(language.text(Catalogue.attendeesNegative), exitCode: 2)
        }
        try duty.log(options) { id, date, adviser in
            Lecture(id: id, communityID: duty.community, adviserID: adviser, date: date, topic: topic, attendees: attendees)
        }
    }
}
