import ArgumentParser
import FaguCLI
import FaguSync
import Foundation

/// `fagu status`: who am I, scopes, pending changes, last sync, conflicts.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show this device: identity, communities, changes not yet at the hub, last sync, conflicts (状态).")

    @OptionGroup var options: DeviceOptions

    struct LastSync: Encodable {
        var at: String
        var transport: String
        var peer: String
        var ok: Bool
        var sentChanges: Int
        var receivedChanges: Int
        var message: String
    }

    struct Output: Encodable {
        var replica: String
        var role: String
        var subject: String
        var district: String
        var hubUrl: String
        var scopes: [String]
        var registered: Bool
        var pendingChanges: Int
        var heldBackGroups: Int
        var openConflicts: Int
        /// This device's groups the hub set aside (see `fagu set-aside`).
        var setAsideGroups: Int
        /// Why this device stopped writing under its identity, when another copy used it.
        var forked: String?
        /// Field changes held in this device's communities, from every writer.
        var changesInCommunities: Int
        var lastSync: LastSync?
    }

    func run() throws {
        let device = try options.openDevice()
        let language = options.language
        let output = try failing(language) {
            let last = try device.replica.syncAttempts(limit: 1).first.map {
                LastSync(at: ShanghaiTime.rfc3339($0.at), transport: $0.transport, peer: $0.peer, ok: $0.ok,
                         sentChanges: $0.sentChanges, receivedChanges: $0.receivedChanges, message: $0.message)
            }
            let changes = try (try device.communityScopes).reduce(0) { total, scope in
                try total + device.replica.vectors(scopes: [scope])[scope].counters.values.reduce(0) { $0 + Int($1) }
            }
            return Output(replica: device.replica.id.description, role: device.role.rawValue, subject: device.subject,
                          district: device.district, hubUrl: device.hubURL, scopes: (try device.scopes).map(\.name),
                          registered: try device.isRegistered(), pendingChanges: try device.pendingChanges(),
                          heldBackGroups: try device.replica.heldBackCount(),
                          openConflicts: try device.replica.openConflicts().count,
                          setAsideGroups: try device.replica.setAsideCount(), forked: try device.forkedReason(),
                          changesInCommunities: changes, lastSync: last)
        }
        if options.output.json { return try JSONOutput.print(output) }
        let status = Catalogue.Status.self, column = Catalogue.Column.self
        let communities = try failing(language) { try device.communityScopes }
        var table = TextTable(headers: [column.item, column.value].map(language.text))
        table.append([language.text(column.device), output.replica])
        table.append([language.text(status.who),
                      language.text(Catalogue.deviceRole(device.role)) + " " + output.subject + " · " + output.district])
        table.append([language.text(column.communities), communities.map(\.name).joined(separator: ", ")])
        table.append([language.text(status.hub), output.hubUrl.isEmpty ? "—" : output.hubUrl])
        table.append([language.text(status.keyRegistered),
                      language.text(output.registered ? status.yes : status.notUntilFirstSync)])
        table.append([language.text(status.changesNotAtHub), "\(output.pendingChanges)"])
        table.append([language.text(status.groupsHeldBack), "\(output.heldBackGroups)"])
        table.append([language.text(status.openConflicts), "\(output.openConflicts)"])
        table.append([language.text(status.groupsSetAside),
                      "\(output.setAsideGroups)" + (output.setAsideGroups > 0 ? language.text(status.seeSetAside) : "")])
        if let forked = output.forked {
            table.append([language.text(status.forked), language.text(status.forkedAdvice) + " (\(forked))"])
        }
        if let last = output.lastSync {
            let result = language.text(last.ok ? status.succeeded : status.failed(last.message))
            table.append([language.text(status.lastSync), "\(ShanghaiTime.display(last.at)) \(last.transport) \(result)"])
        } else {
            table.append([language.text(status.lastSync), language.text(status.never)])
        }
        print(table.render())
    }
}
