import ArgumentParser
import FaguCLI
import Foundation

/// `fagu-hub incidents`: incident reports as they arrived.
struct IncidentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents", abstract: "List incident reports and how long each took to reach the hub (事项报告).")

    @OptionGroup var options: HubOptions

    struct Output: Encodable {
        var record: String
        var community: String
        var level: String?
        var summary: String?
        var author: String
        var writtenAt: String
        var receivedAt: String
        var delayMinutes: Int
        /// The device's time was later than the hub's receipt: its delay is not believed.
        var deviceClockAhead: Bool
    }

    func run() throws {
        let hub = try options.openHub()
        let alerts = try failing { try hub.replica.incidentAlerts() }.map { alert in
            Output(record: alert.record.description, community: alert.communityID, level: alert.level, summary: alert.summary,
                   author: alert.author, writtenAt: ShanghaiTime.rfc3339(alert.writtenAt), receivedAt: ShanghaiTime.rfc3339(alert.receivedAt),
                   delayMinutes: alert.delayMinutes, deviceClockAhead: alert.deviceClockAhead)
        }
        if options.output.json { return try JSONOutput.print(alerts) }
        let language = options.language
        if alerts.isEmpty { return print(language.text(zh: "（没有事项报告）", en: "(no incident reports)")) }
        var table = TextTable(headers: [language.text(zh: "社区", en: "community"), language.text(zh: "级别", en: "level"),
                                        language.text(zh: "摘要", en: "summary"), language.text(zh: "报告人", en: "by"),
                                        language.text(zh: "到达用时(分)", en: "delay (min)")])
        table.rightAligned = [4]
        for alert in alerts {
            let delay = "\(alert.delayMinutes)" + (alert.deviceClockAhead
                ? language.text(zh: " ⚠ 设备时钟超前", en: " ⚠ device clock ahead") : "")
            table.append([alert.community, alert.level ?? "", alert.summary ?? "", alert.author, delay])
        }
        print(table.render())
    }
}
