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

    /// `show --json --history`: the record and its changes.
    struct WithHistory: Encodable {
        var record: RecordListing
        var history: [HistoryListing]
    }

    func run() throws {
        let language = options.language
        let device = try options.openDevice()
        let reference = try RecordReference.resolve(id, on: device.replica, language)
        guard let record = try failing(language, { try device.replica.record(reference.kind, id: reference.id) }) else {
            throw CommandFailure(language.text(Catalogue.noRecordOnDevice(id)))
        }
        let listing = RecordListing(record)
        let changes = history ? try failing(language) { try device.replica.history(of: record.kind, id: record.id) } : []
        let historyListing = HistoryListing.of(changes, of: record.kind, conflicts: record.conflicts.mapValues { $0.entries.map(\.dot) })
        if options.output.json {
            return history ? try JSONOutput.print(WithHistory(record: listing, history: historyListing)) : try JSONOutput.print(listing)
        }
        print("\(record.kind.rawValue) \(record.id)")
        var table = TextTable(headers: [Catalogue.Column.field, Catalogue.Column.value].map(language.text))
        for name in listing.fields.keys.sorted() {
            let conflict = record.conflicts[name].map { register in
                "  ⚠ " + language.text(Catalogue.conflictAmong(register.entries.map { RecordListing.text($0.value) }
                    .joined(separator: " / ")))
            } ?? ""
            table.append([name, listing.fields[name]!.text + conflict])
        }
        print(table.render())
        if history {
            print("")
            print(HistoryListing.table(historyListing, language).render())
        }
    }
}
