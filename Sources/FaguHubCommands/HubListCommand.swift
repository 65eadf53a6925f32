import ArgumentParser
import FaguCLI
import FaguDomain
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
        let query = try RecordQuery(kind: kind, community: community, month: month, language: options.language)
        try RecordQuery.print(query.listings(in: try options.openHub().replica), json: options.output.json, options.language)
    }
}
