import ArgumentParser
import FaguCLI
import FaguModel
import FaguStore
import Foundation

/// `fagu list`: the records this device holds.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List records on this device, newest last (列表).")

    @Option(name: .long, help: ArgumentHelp("Only this kind.", valueName: "KIND"))
    var kind: String?
    @Option(name: .long, help: ArgumentHelp("Only this community.", valueName: "ID"))
    var community: String?
    @Option(name: .long, help: ArgumentHelp("Only records dated in this month.", valueName: "YYYY-MM"))
    var month: String?

    @OptionGroup var options: DeviceOptions

    func run() throws {
        let language = options.language
        let kinds: [RecordKind]
        if let kind {
            guard let found = RecordKind(rawValue: kind) else {
                throw CommandFailure(language.text(zh: "未知类型 \(kind)", en: "unknown kind \(kind)") + " ("
                                     + RecordKind.allCases.map(\.rawValue).joined(separator: ", ") + ")", exitCode: 2)
            }
            kinds = [found]
        } else {
            kinds = RecordKind.allCases.filter { !$0.isRoster }
        }
        if let month, !CalendarDate.isValid(month + "-01") {
            throw CommandFailure(language.text(zh: "--month 须为 YYYY-MM", en: "--month must be YYYY-MM, not \(month)"), exitCode: 2)
        }
        let device = try options.openDevice()
        let listings = try failing {
            try kinds.flatMap { try device.replica.records($0, community: community) }
                .filter { record in month.map { (record.fields["date"]?.text ?? "").hasPrefix($0) } ?? true }
                .map(RecordListing.init)
        }
        if options.output.json { return try JSONOutput.print(listings) }
        if listings.isEmpty { return print(language.text(zh: "（没有记录）", en: "(no records)")) }
        print(RecordListing.table(listings, language).render())
    }
}
