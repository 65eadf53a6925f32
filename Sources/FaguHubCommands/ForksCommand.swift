import ArgumentParser
import FaguCLI
import Foundation

/// `fagu-hub forks`: device identities seen writing from two copies.
struct ForksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forks", abstract: "List devices whose identity was used by two copies (副本冲突告警).",
        discussion: """
            A copied home or a restored backup writes other changes under the same identity; \
            the hub refuses it (replica_forked) and records an alert here. Issue the adviser or \
            office a new enrollment file; on the device, `fagu recover --enroll FILE` keeps all its work.
            """)

    @OptionGroup var options: HubOptions

    func run() throws {
        let hub = try options.openHub()
        let language = options.language
        let alerts = try failing(language) { try hub.replica.forkAlerts() }
        if options.output.json { return try JSONOutput.print(alerts.map(ForkListing.init)) }
        if alerts.isEmpty { return print(language.text(Catalogue.Hub.noForkAlerts)) }
        let column = Catalogue.Column.self
        var table = TextTable(headers: [column.detected, column.subject, column.device, column.scope, column.detail]
            .map(language.text))
        for alert in alerts {
            table.append([ShanghaiTime.text(alert.detectedAt), alert.subject, alert.replica, alert.scope, alert.detail])
        }
        print(table.render())
    }
}
