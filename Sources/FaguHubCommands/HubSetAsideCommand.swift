import ArgumentParser
import FaguCLI
import FaguDomain
import FaguModel
import Foundation

/// `fagu-hub set-aside`: groups the hub set aside, per device.
struct HubSetAsideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-aside", abstract: "List changes the hub set aside instead of applying, and why (被搁置的变更).",
        discussion: "--json includes each group's content as written, for the operator to follow up.")

    @Option(name: .long, help: ArgumentHelp("Only this device: its replica id, or an adviser or community code.",
                                            valueName: "ID"))
    var device: String?

    @OptionGroup var options: HubOptions

    func run() throws {
        let hub = try options.openHub()
        let language = options.language
        let entries = try failing(language) {
            guard let device else { return try hub.replica.setAsideEntries() }
            let matching = try hub.replica.devices().filter { $0.id.description == device.lowercased() || $0.subject == device }
            guard !matching.isEmpty else {
                throw CommandFailure(language.text(Catalogue.Hub.noEnrolledDevice(device)), exitCode: 2)
            }
            return try matching.flatMap { try hub.replica.setAsideEntries(origin: $0.id) }
                .sorted { $0.notedAt > $1.notedAt }
        }
        try SetAsideListing.print(entries, json: options.output.json, language)
    }
}
