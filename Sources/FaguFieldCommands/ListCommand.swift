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

    @OptionGroup var options: DeviceOptions

    func run() throws {
        let query = try RecordQuery(kind: kind, community: community, month: month, language: options.language)
        try RecordQuery.print(query.listings(in: try options.openDevice().replica), json: options.output.json, options.language)
    }
}
