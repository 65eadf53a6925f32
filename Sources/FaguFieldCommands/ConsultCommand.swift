import ArgumentParser
import FaguCLI
import FaguDomain
import FaguModel
import FaguSync

/// `fagu consult …`: legal questions answered (解答法律咨询).
struct ConsultCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consult", abstract: "Log a legal question answered, or a hard one to answer by a date (解答法律咨询).",
        subcommands: [ConsultAddCommand.self, ConsultAnswerCommand.self])
}

/// `fagu consult add`.
struct ConsultAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Log a question; --hard --due for one that needs a considered answer (疑难咨询).")

    @OptionGroup var duty: DutyOptions
    @Option(name: .long, help: ArgumentHelp("The category, by code or Chinese name (e.g. labour or 劳动争议).", valueName: "CATEGORY"))
    var topic: String
    @Option(name: .long, help: ArgumentHelp("The question as asked.", valueName: "TEXT"))
    var question: String
    @Option(name: .long, help: ArgumentHelp("The answer given.", valueName: "TEXT"))
    var answer: String?
    @Flag(name: .long, help: "A hard question, to be answered by --due.")
    var hard = false
    @Option(name: .long, help: ArgumentHelp("The day a hard question must be answered by.", valueName: "YYYY-MM-DD"))
    var due: String?
    @OptionGroup var options: DeviceOptions

    func run() throws {
        let language = options.language
        let topic = try WriteChecks.category(topic, flag: "--topic", language)
        let question = try WriteChecks.text(question, "--question", language)
        let answer = try answer.map { try WriteChecks.text($0, "--answer", language) }
        if hard != (due != nil) {
            throw CommandFailure(language.text(Catalogue.hardNeedsDue), exitCode: 2)
        }
        let day = try duty.day(language)
        if let due {
            try WriteChecks.date(due, language)
            guard due >= day else {
                throw CommandFailure(language.text(Catalogue.dueBeforeQuestion(due, day)), exitCode: 2)
            }
        }
        try duty.log(options) { id, date, adviser in
            Consultation(id: id, communityID: duty.community, adviserID: adviser, date: date, topic: topic, question: question,
                         answer: answer, hard: hard, due: due)
        }
    }
}

/// `fagu consult answer ID`.
struct ConsultAnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "answer", abstract: "Record the answer to a question (答复).")

    @Argument(help: ArgumentHelp("The consultation's id.", valueName: "ID"))
    var id: String
    @Option(name: .long, help: ArgumentHelp("The answer given.", valueName: "TEXT"))
    var answer: String
    @OptionGroup var options: DeviceOptions

    func run() throws {
        let language = options.language
        let answer = try WriteChecks.text(answer, "--answer", language)
        try WorkUpdate.write(Consultation.self, id, fields: ["answer": .text(answer)], options: options)
    }
}
