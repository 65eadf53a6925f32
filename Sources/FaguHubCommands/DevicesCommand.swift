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
        let devices = try failing {
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
        var table = TextTable(headers: [language.text(zh: "设备", en: "device"), language.text(zh: "对象", en: "subject"),
                                        language.text(zh: "社区", en: "communities"), language.text(zh: "状态", en: "state"),
                                        language.text(zh: "最近同步", en: "last seen")])
        for device in devices {
            var state = device.revoked ? language.text(zh: "已吊销", en: "revoked")
                : device.registered ? language.text(zh: "已登记", en: "registered") : language.text(zh: "待首次同步", en: "awaiting first sync")
            if device.forked { state += language.text(zh: "，副本冲突", en: ", forked") }
            if device.setAsideGroups > 0 {
                state += language.text(zh: "，搁置 \(device.setAsideGroups) 组", en: ", \(device.setAsideGroups) set aside")
            }
            if let minutes = device.clockAheadMinutes {
                let ahead = minutes >= 2 * 1_440 ? language.text(zh: "\(minutes / 1_440) 天", en: "\(minutes / 1_440) days")
                    : language.text(zh: "\(minutes) 分钟", en: "\(minutes) min")
                state += language.text(zh: "，时钟超前 \(ahead)", en: ", clock ahead \(ahead)")
            }
            table.append([device.replica, device.subject, device.scopes.filter { $0 != "roster" }.joined(separator: ","), state,
                          device.lastSeen.map(ShanghaiTime.display) ?? "—"])
        }
        print(table.render())
    }
}
