import ArgumentParser
import FaguCLI
import Foundation

/// `fagu-hub conflicts`: open conflicts across the district.
struct HubConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts", abstract: "List open conflicts across the district (冲突).")

    @OptionGroup var options: HubOptions

    func run() throws {
        let hub = try options.openHub()
        let conflicts = try failing(options.language) { try ConflictListing.all(in: hub.replica) }
        try ConflictListing.print(conflicts, json: options.output.json, options.language)
    }
}
