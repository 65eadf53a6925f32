import ArgumentParser
import FaguCLI
import FaguStore
import FaguSync

/// `fagu-hub devices`: every enrolled device.
struct DevicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices", abstract: "List enrolled devices: registered, revoked, last seen (设备).")

    @OptionGroup var options: HubOptions

    struct Output: Encodable {
        var replica: String
        var role: String
        var subject: String
        var scopes: [String]
        var registered: Bool
        var revoked: Bool
        var forked: Bool
        var setAsideGroups: Int
        var lastSeen: String?
        /// When the device's clock was last found beyond the hub's, and by how many minutes.
        var clockAheadAt: String?
        var clockAheadMinutes: Int64?
    }

    func run() throws {
        let hub = try options.openHub()
        // Communities as the roster has them today (appointments added and ended since enrollment).
        let devices = try failing(options.language) {
            try hub.replica.devices().map { device in
                Output(replica: device.id.description, role: device.role.rawValue, subject: device.subject,
                       scopes: try hub.currentScopes(of: device).map(\.name), registered: device.publicKey != nil,
                       revoked: device.revokedAt != nil, forked: device.forkedAt != nil,
                       setAsideGroups: try hub.replica.setAsideCount(origin: device.id),
                       lastSeen: device.lastSeenAt.map(ShanghaiTime.rfc3339), clockAheadAt: device.clockAheadAt.map(ShanghaiTime.rfc3339),
                       clockAheadMinutes: device.clockAheadBy.map { $0 / 60_000 })
            }
        }
        if options.output.json { return try JSONOutput.print(devices) }
        let language = options.language
        let hubText = Catalogue.Hub.self, column = Catalogue.Column.self
        var table = TextTable(headers: [column.device, column.subject, column.communities, column.state, column.lastSeen]
            .map(language.text))
        for device in devices {
            var state = language.text(device.revoked ? hubText.stateRevoked
                                      : device.registered ? hubText.stateRegistered : hubText.stateAwaitingFirstSync)
            if device.forked { state += language.text(hubText.stateForked) }
            if device.setAsideGroups > 0 { state += language.text(hubText.stateSetAside(device.setAsideGroups)) }
            if let minutes = device.clockAheadMinutes {
                let ahead = minutes >= 2 * 1_440 ? hubText.days(minutes / 1_440) : hubText.minutes(minutes)
                state += language.text(hubText.stateClockAhead(ahead))
            }
            table.append([device.replica, device.subject, device.scopes.filter { $0 != "roster" }.joined(separator: ","), state,
                          device.lastSeen.map(ShanghaiTime.display) ?? "—"])
        }
        print(table.render())
    }
}
