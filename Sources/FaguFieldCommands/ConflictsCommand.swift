import ArgumentParser
import FaguCLI
import FaguModel
import FaguStore
import Foundation

/// `fagu conflicts`: concurrent edits awaiting a decision.
struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts", abstract: "List concurrent edits awaiting a decision (冲突).",
        discussion: "Resolve one with `fagu resolve ID --field NAME --value VALUE` (or `fagu case update`).")

    @OptionGroup var options: DeviceOptions

    struct Entry: Encodable {
        var value: String
        var dot: String
        var time: String
    }

    struct Output: Encodable {
        var kind: String
        var record: String
        var field: String
        var shown: String
        var values: [Entry]
    }

    func run() throws {
        let device = try options.openDevice()
        let conflicts = try failing { try device.replica.openConflicts() }.map { conflict in
            Output(kind: conflict.kind.rawValue, record: conflict.record.description, field: conflict.field,
                   shown: conflict.register.displayed.map { RecordListing.text($0.value) } ?? "",
                   values: conflict.register.entries.map {
                       Entry(value: RecordListing.text($0.value), dot: $0.dot.description, time: $0.time.description)
                   })
        }
        if options.output.json { return try JSONOutput.print(conflicts) }
        let language = options.language
        if conflicts.isEmpty { return print(language.text(zh: "（没有未决冲突）", en: "(no open conflicts)")) }
        var table = TextTable(headers: [language.text(zh: "记录", en: "record"), language.text(zh: "类型", en: "kind"),
                                        language.text(zh: "字段", en: "field"), language.text(zh: "各方的值", en: "values")])
        for conflict in conflicts {
            table.append([conflict.record, conflict.kind, conflict.field, conflict.values.map(\.value).joined(separator: " / ")])
        }
        print(table.render())
    }
}
