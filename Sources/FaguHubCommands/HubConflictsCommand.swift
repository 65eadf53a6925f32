import ArgumentParser
import FaguCLI
import Foundation

/// `fagu-hub conflicts`: open conflicts across the district.
struct HubConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts", abstract: "List open conflicts across the district (冲突).")

    @OptionGroup var options: HubOptions

    struct Output: Encodable {
        var kind: String
        var record: String
        var field: String
        var shown: String
        var values: [String]
    }

    func run() throws {
        let hub = try options.openHub()
        let conflicts = try failing { try hub.replica.openConflicts() }.map { conflict in
            Output(kind: conflict.kind.rawValue, record: conflict.record.description, field: conflict.field,
                   shown: conflict.register.displayed.map { RecordListing.text($0.value) } ?? "",
                   values: conflict.register.entries.map { RecordListing.text($0.value) })
        }
        if options.output.json { return try JSONOutput.print(conflicts) }
        let language = options.language
        if conflicts.isEmpty { return print(language.text(zh: "（没有未决冲突）", en: "(no open conflicts)")) }
        var table = TextTable(headers: [language.text(zh: "记录", en: "record"), language.text(zh: "类型", en: "kind"),
                                        language.text(zh: "字段", en: "field"), language.text(zh: "各方的值", en: "values")])
        for conflict in conflicts { table.append([conflict.record, conflict.kind, conflict.field, conflict.values.joined(separator: " / ")]) }
        print(table.render())
    }
}
