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
        let recordID = try WriteChecks.recordID(id, language)
        let device = try options.openDevice()
        let found = try failing { try RecordKind.allCases.lazy.compactMap { try device.replica.record($0, id: recordID) }.first }
        guard let record = found else {
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
        print(table.render())
    }
}
