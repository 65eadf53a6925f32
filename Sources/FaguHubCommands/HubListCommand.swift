import ArgumentParser
import FaguCLI
import FaguModel
import Foundation

/// `fagu-hub list`: records across the district.
struct HubListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List records across the district (列表).")

    @Option(name: .long, help: ArgumentHelp("Only this kind (community, adviser and appointment list the roster).", valueName: "KIND"))
    var kind: String?
    @Option(name: .long, help: ArgumentHelp("Only this community.", valueName: "ID")) var community: String?
    @Option(name: .long, help: ArgumentHelp("Only records dated in this month.", valueName: "YYYY-MM")) var month: String?

    @OptionGroup var options: HubOptions

    func run() throws {
        let language = options.language
        let kinds: [RecordKind]
        if let kind {
            guard let found = RecordKind(rawValue: kind) else {
                throw CommandFailure("unknown kind \(kind) (" + RecordKind.allCases.map(\.rawValue).joined(separator: ", ") + ")",
                                     exitCode: 2)
            }
            kinds = [found]
        } else {
            kinds = RecordKind.allCases.filter { !$0.isRoster }
        }
        if let month, !CalendarDate.isValid(month + "-01") { throw CommandFailure("--month must be YYYY-MM", exitCode: 2) }
        let hub = try options.openHub()
        let listings = try failing {
            try kinds.flatMap { try hub.replica.records($0, community: community) }
                .filter { record in month.map { (record.fields["date"]?.text ?? "").hasPrefix($0) } ?? true }
                .map(RecordListing.init)
        }
        if options.output.json { return try JSONOutput.print(listings) }
        if listings.isEmpty { return print(language.text(zh: "（没有记录）", en: "(no records)")) }
        print(RecordListing.table(listings, language).render())
    }
}
