import ArgumentParser
import FaguCLI
import FaguDomain
import FaguModel
import FaguStore
import Foundation

/// `fagu conflicts`: concurrent edits awaiting a decision.
struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts", abstract: "List concurrent edits awaiting a decision (冲突).",
        discussion: "Resolve one with `fagu resolve ID --field NAME --value VALUE` (or `fagu case update`).")

    @OptionGroup var options: DeviceOptions

    func run() throws {
        let device = try options.openDevice()
        let conflicts = try failing(options.language) { try ConflictListing.all(in: device.replica) }
        try ConflictListing.print(conflicts, json: options.output.json, options.language)
    }
}
