import ArgumentParser
import FaguCLI
import Foundation

/// `fagu set-aside`: this device's own work the hub set aside, and why.
struct SetAsideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-aside", abstract: "List this device's work the hub set aside, with the reason (被搁置的变更).",
        discussion: """
            The hub sets aside a change it may not accept — work dated after an appointment \
            ended, written more than 7 days after it ended, for another adviser — instead of \
            refusing the whole sync. It stays on this device, readable; the hub keeps it too, \
            with the reason, for the district's operator. It is never sent again.
            """)

    @OptionGroup var options: DeviceOptions

    func run() throws {
        let device = try options.openDevice()
        let entries = try failing(options.language) { try device.replica.setAsideEntries() }
        try SetAsideListing.print(entries, json: options.output.json, options.language)
    }
}
