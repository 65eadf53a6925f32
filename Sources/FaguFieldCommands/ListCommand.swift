import ArgumentParser
import FaguCLI
import FaguDomain
import FaguModel
import FaguStore
import Foundation

/// `fagu list`: the records this device holds.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List records on this device, newest last (列表).")

    @Option(name: .long, help: ArgumentHelp("Only this kind.", valueName: "KIND"))
    var kind: String?
    @Option(name: .long, help: ArgumentHelp("Only this community.", valueName: "ID"))
    var community: String?
    @Option(name: .long, help: ArgumentHelp("Only records dated in this month.", valueName: "YYYY-MM"))
    var month: String?
    @Flag(name: .long, help: "Only hard questions not answered yet (疑难咨询未答复).")
    var openQuestions = false
    @Flag(name: .long, help: "Only hard questions past their due date without an answer (逾期).")
    var overdue = false
    @Flag(name: .long, help: "Only this adviser's own work (on an adviser's device).")
    var mine = false

    @OptionGroup var options: DeviceOptions

    func run() throws {
        let language = options.language
        var query = try RecordQuery(kind: kind, community: community, month: month, language: language)
        if overdue { query.questions = .overdue(today: CalendarDate.today()) } else if openQuestions { query.questions = .open }
        let device = try options.openDevice()
        if mine {
            guard device.role == .adviser else {
                throw CommandFailure(language.text(Catalogue.mineIsForAdvisers), exitCode: 2)
            }
            query.adviser = device.subject
        }
        try RecordQuery.print(query.listings(in: device.replica), json: options.output.json, language)
    }
}
