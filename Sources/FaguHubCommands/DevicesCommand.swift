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
        var lastSeen: String?
    }

    func run() throws {
        let hub = try options.openHub()
        let devices = try failing { try hub.replica.devices() }.map { device in
            Output(replica: device.id.description, role: device.role.rawValue, subject: device.subject,
                   scopes: device.scopes.map(\.name), registered: device.publicKey != nil, revoked: device.revokedAt != nil,
                   lastSeen: device.lastSeenAt?.description)
        }
        if options.output.json { return try JSONOutput.print(devices) }
        let language = options.language
        var table = TextTable(headers: [language.text(zh: "设备", en: "device"), language.text(zh: "对象", en: "subject"),
                                        language.text(zh: "社区", en: "communities"), language.text(zh: "状态", en: "state"),
                                        language.text(zh: "最近同步", en: "last seen")])
        for device in devices {
            let state = device.revoked ? language.text(zh: "已吊销", en: "revoked")
                : device.registered ? language.text(zh: "已登记", en: "registered") : language.text(zh: "待首次同步", en: "awaiting first sync")
            table.append([device.replica, device.subject, device.scopes.filter { $0 != "roster" }.joined(separator: ","), state,
                          device.lastSeen ?? "—"])
        }
        print(table.render())
    }
}
