import ArgumentParser
import FaguCLI
import FaguSync
import Foundation

/// `fagu import FILE`: apply a reply file from the hub.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Apply a change-set file from the hub (导入).",
        discussion: "The file must be signed by this device's hub. Importing it twice is harmless.")

    @Argument(help: "The hub's reply file (e.g. a017-20261126.fagu).")
    var file: String

    @OptionGroup var options: DeviceOptions

    struct Output: Encodable {
        var receivedChanges: Int
        var heldBackGroups: Int
        var openConflicts: Int
        var setAside: Int
    }

    func run() throws {
        let device = try options.openDevice()
        let summary = try failing(options.language) { try device.importReply(from: file) }
        let output = Output(receivedChanges: summary.receivedChanges, heldBackGroups: summary.heldBackGroups,
                            openConflicts: summary.openConflicts, setAside: summary.setAside)
        if options.output.json { return try JSONOutput.print(output) }
        print(options.language.text(Catalogue.imported(changes: output.receivedChanges, openConflicts: output.openConflicts)))
        if output.setAside > 0 { print(SetAsideNotice.text(output.setAside, options.language)) }
    }
}
