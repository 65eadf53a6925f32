import ArgumentParser
import FaguCLI
import FaguSync
import Foundation

/// `fagu-hub merge --inbox DIR [--outbox DIR]`: the nightly merge of carried-in files.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Apply every change-set file in the inbox and write each device a reply (夜间合并).",
        discussion: """
            Files are applied one by one, each all or nothing; order and duplicates do not matter. \
            Applied files move to INBOX/applied, refused ones to INBOX/rejected with a .reason.txt, \
            and the rest are still applied. With --outbox, one reply per device is written, named \
            from its adviser or community code (a017-20261126.fagu), for `fagu import`. Exits 1 \
            when any file was refused.
            """)

    @Option(name: .long, help: ArgumentHelp("The folder of files carried in.", valueName: "DIR")) var inbox: String
    @Option(name: .long, help: ArgumentHelp("Where to write the replies.", valueName: "DIR")) var outbox: String?

    @OptionGroup var options: HubOptions

    func run() throws {
        let hub = try options.openHub()
        let progress = ProgressLine(enabled: !options.output.json)
        let label = options.language.text(zh: "合并", en: "merging")
        let day = CalendarDate.today().replacingOccurrences(of: "-", with: "")
        let report = try failing {
            try NightlyMerge(hub: hub, inbox: inbox, outbox: outbox).run(day: day) { done, total in
                progress.update(label, done: done, total: total)
            }
        }
        progress.finish()
        let language = options.language
        if options.output.json {
            try JSONOutput.print(report)
        } else {
            var table = TextTable(headers: [language.text(zh: "文件", en: "file"), language.text(zh: "来自", en: "from"),
                                            language.text(zh: "结果", en: "result")])
            for entry in report.inbox {
                table.append([entry.file, entry.subject ?? "—",
                              entry.applied
                                  ? language.text(zh: "已应用 \(entry.appliedChanges) 项", en: "applied \(entry.appliedChanges)")
                                    + (entry.setAsideGroups > 0 ? language.text(zh: "，搁置 \(entry.setAsideGroups) 组",
                                                                                en: ", \(entry.setAsideGroups) group(s) set aside") : "")
                                  : language.text(zh: "已拒收：", en: "rejected: ") + (entry.reason ?? "")])
            }
            if !report.inbox.isEmpty { print(table.render()) }
            if !report.incidents.isEmpty {
                print(language.text(zh: "⚠ 新到事项报告 \(report.incidents.count) 件：", en: "⚠ incident reports received: ")
                      + report.incidents.joined(separator: ", "))
            }
            for reply in report.replies {
                print(language.text(zh: "回执 \(reply.file)：\(reply.changes) 项变更", en: "reply \(reply.file): \(reply.changes) changes"))
            }
        }
        let refused = report.inbox.filter { !$0.applied }.count
        if refused > 0 {
            throw CommandFailure(language.text(zh: "\(refused) 个文件被拒收（见 rejected/）", en: "\(refused) file(s) rejected (see rejected/)"))
        }
    }
}
