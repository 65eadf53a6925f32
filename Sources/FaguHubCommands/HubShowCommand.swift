import ArgumentParser
import FaguCLI

/// `fagu-hub show ID`: one record as the hub holds it, and its history.
struct HubShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one record across the district and its conflicts (详情).")

    @Argument(help: "The record's id, or a unique prefix or suffix of 6 or more characters.")
    var id: String

    @Flag(name: .long, help: "Also every change to the record: when, who, on which device, and what it replaced (历史).")
    var history = false

    @OptionGroup var options: HubOptions

    func run() throws {
        try RecordDetail.print(id, in: try options.openHub().replica, history: history, json: options.output.json, options.language)
    }
}
