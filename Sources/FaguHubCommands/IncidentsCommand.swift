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
        let alerts = try failing(options.language) { try hub.replica.incidentAlerts() }.map { alert in
            Output(record: alert.record.description, community: alert.communityID, level: alert.level, summary: alert.summary,
                   author: alert.author, writtenAt: ShanghaiTime.rfc3339(alert.writtenAt), receivedAt: ShanghaiTime.rfc3339(alert.receivedAt),
                   delayMinutes: alert.delayMinutes, deviceClockAhead: alert.deviceClockAhead)
        }
        if options.output.json { return try JSONOutput.print(alerts) }
        let language = options.language
        if alerts.isEmpty { return print(language.text(Catalogue.Hub.noIncidentReports)) }
        let column = Catalogue.Column.self
        var table = TextTable(headers: [column.community, column.level, column.summary, column.reportedBy, column.delayInMinutes]
            .map(language.text))
        table.rightAligned = [4]
        for alert in alerts {
            let delay = "\(alert.delayMinutes)" + (alert.deviceClockAhead
                ? language.text(Catalogue.Hub.deviceClockAheadMark) : "")
            table.append([alert.community, alert.level ?? "", alert.summary ?? "", alert.author, delay])
        }
        print(table.render())
    }
}
