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
        let output = try failing {
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
        let language = options.language
        var table = TextTable(headers: [language.text(zh: "项目", en: "item"), language.text(zh: "值", en: "value")])
        table.append([language.text(zh: "设备", en: "device"), output.replica])
        table.append([language.text(zh: "身份", en: "who"),
                      (device.role == .adviser ? language.text(zh: "顾问 ", en: "adviser ") : language.text(zh: "社区 ", en: "office "))
                      + output.subject + " · " + output.district])
        table.append([language.text(zh: "社区", en: "communities"), (try device.communityScopes).map(\.name).joined(separator: ", ")])
        table.append([language.text(zh: "辖区中心", en: "hub"), output.hubUrl.isEmpty ? "—" : output.hubUrl])
        table.append([language.text(zh: "密钥已登记", en: "key registered"),
                      output.registered ? language.text(zh: "是", en: "yes") : language.text(zh: "否（待首次同步）", en: "no (at first sync)")])
        table.append([language.text(zh: "待上传变更", en: "changes not at hub"), "\(output.pendingChanges)"])
        table.append([language.text(zh: "等待依赖的变更组", en: "groups held back"), "\(output.heldBackGroups)"])
        table.append([language.text(zh: "未决冲突", en: "open conflicts"), "\(output.openConflicts)"])
        table.append([language.text(zh: "被搁置的变更组", en: "groups set aside"),
                      "\(output.setAsideGroups)" + (output.setAsideGroups > 0 ? language.text(zh: "（fagu set-aside 查看）",
                                                                                              en: " (see fagu set-aside)") : "")])
        if let forked = output.forked {
            table.append([language.text(zh: "副本冲突", en: "FORKED"),
                          language.text(zh: "本设备身份被另一副本使用，已停止写入；请 fagu recover --enroll 新登记文件",
                                        en: "another copy uses this identity; writing stopped: fagu recover --enroll NEW_FILE")
                          + " (\(forked))"])
        }
        if let last = output.lastSync {
            let result = last.ok ? language.text(zh: "成功", en: "ok") : language.text(zh: "失败：", en: "failed: ") + last.message
            table.append([language.text(zh: "上次同步", en: "last sync"), "\(ShanghaiTime.display(last.at)) \(last.transport) \(result)"])
        } else {
            table.append([language.text(zh: "上次同步", en: "last sync"), language.text(zh: "从未", en: "never")])
        }
        print(table.render())
    }
}
