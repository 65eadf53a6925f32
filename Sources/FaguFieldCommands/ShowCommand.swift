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

    @OptionGroup var options: DeviceOptions

    func run() throws {
        let language = options.language
        let device = try options.openDevice()
        let reference = try RecordReference.resolve(id, on: device.replica, language)
        guard let record = try failing({ try device.replica.record(reference.kind, id: reference.id) }) else {
            throw CommandFailure(language.text(zh: "本设备上没有记录 \(id)", en: "no record \(id) on this device"))
        }
        let listing = RecordListing(record)
        if options.output.json { return try JSONOutput.print(listing) }
        print("\(record.kind.rawValue) \(record.id)")
        var table = TextTable(headers: [language.text(zh: "字段", en: "field"), language.text(zh: "值", en: "value")])
        for name in listing.fields.keys.sorted() {
            let conflict = record.conflicts[name].map { register in
                "  ⚠ " + language.text(zh: "冲突：", en: "conflict: ")
                    + register.entries.map { RecordListing.text($0.value) }.joined(separator: " / ")
            } ?? ""
            table.append([name, listing.fields[name]! + conflict])
        }
        print(table.render(), terminator: table.render().hasSuffix("\n") ? "" : "\n")
    }
}
