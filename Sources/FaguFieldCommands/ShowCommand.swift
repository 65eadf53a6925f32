import ArgumentParser
import FaguCLI
import FaguDomain
import FaguModel
import FaguStore
import Foundation

/// `fagu show ID`: one record, every field, and any conflict.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one record and its conflicts (详情).")

    @Argument(help: "The record's id.")
    var id: String

    @Flag(name: .long, help: "Also every change to the record: when, who, on which device, and what it replaced (历史).")
    var history = false

    @OptionGroup var options: DeviceOptions

    func run() throws {
        let device = try options.openDevice()
        try RecordDetail.print(id, in: device.replica, history: history, json: options.output.json, options.language)
    }
}
