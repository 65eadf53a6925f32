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
            when any file was refused. --inbox and --outbox default to merge.inbox and \
            merge.outbox of the configuration file.
            """)

    @Option(name: .long, help: ArgumentHelp("The folder of files carried in (default: merge.inbox of the configuration).",
                                            valueName: "DIR"))
    var inbox: String?
    @Option(name: .long, help: ArgumentHelp("Where to write the replies (default: merge.outbox of the configuration).",
                                            valueName: "DIR"))
    var outbox: String?

    @OptionGroup var options: HubOptions

    func run() throws {
        let settings = try options.settings()
        guard let inbox = inbox ?? settings.mergeInbox else {
            throw CommandFailure(options.language.text(Catalogue.Hub.mergeNeedsInbox), exitCode: 2)
        }
        let outbox = outbox ?? settings.mergeOutbox
        let hub = try options.openHub()
        let progress = ProgressLine(enabled: !options.output.json)
        let language = options.language
        let label = language.text(Catalogue.Hub.merging)
        let day = CalendarDate.today().replacingOccurrences(of: "-", with: "")
        let report = try failing(language) {
            try NightlyMerge(hub: hub, inbox: inbox, outbox: outbox).run(day: day) { done, total in
                progress.update(label, done: done, total: total)
            }
        }
        progress.finish()
        if options.output.json {
            try JSONOutput.print(report)
        } else {
            let hubText = Catalogue.Hub.self, column = Catalogue.Column.self
            var table = TextTable(headers: [column.file, column.from, column.result].map(language.text))
            for entry in report.inbox {
                let result = entry.applied
                    ? language.text(hubText.applied(entry.appliedChanges))
                        + (entry.setAsideGroups > 0 ? language.text(hubText.groupsSetAside(entry.setAsideGroups)) : "")
                        + (entry.reason.map { " (\($0))" } ?? "")
                    : language.text(hubText.rejected(entry.reason ?? ""))
                table.append([entry.file, entry.subject ?? "—", result])
            }
            if !report.inbox.isEmpty { print(table.render()) }
            if !report.incidents.isEmpty {
                print(language.text(hubText.incidentsReceived(report.incidents.count, report.incidents.joined(separator: ", "))))
            }
            for reply in report.replies {
                print(language.text(hubText.replyWritten(reply.file, changes: reply.changes)))
            }
        }
        let refused = report.inbox.filter { !$0.applied }.count
        if refused > 0 {
            throw CommandFailure(language.text(Catalogue.Hub.filesRejected(refused)))
        }
    }
}
