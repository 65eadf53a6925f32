import ArgumentParser
import FaguCLI
import FaguSync
import Foundation

/// `fagu init --enroll FILE`: join a district with the file the hub issued.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Join a district with the enrollment file the hub issued (加入辖区).",
        discussion: """
            Creates the local replica and this device's signing key in --home. The private key \
            never leaves the device; the first sync registers its public key with the hub \
            using the file's one-time token.
            """)

    @Option(name: .long, help: ArgumentHelp("The enrollment file from `fagu-hub enroll`.", valueName: "FILE"))
    var enroll: String

    @OptionGroup var options: DeviceOptions

    struct Output: Encodable {
        var replica: String
        var role: String
        var subject: String
        var district: String
        var scopes: [String]
        var hubUrl: String
        var home: String
    }

    func run() throws {
        let language = options.language
        let enrollment = try failing { try Enrollment.read(from: enroll) }
        let device = try failing { try FieldReplica.join(home: options.homePath, enrollment: enrollment) }
        let output = Output(replica: device.replica.id.description, role: device.role.rawValue, subject: device.subject,
                            district: device.district, scopes: (try device.scopes).map(\.name), hubUrl: device.hubURL,
                            home: options.homePath)
        if options.output.json { return try JSONOutput.print(output) }
        print(language.text(
            zh: "已加入\(device.district)：\(device.role == .adviser ? "顾问" : "社区") \(device.subject)，设备 \(device.replica.id)",
            en: "joined \(device.district) as \(device.role.rawValue) \(device.subject), device \(device.replica.id)"))
        print(language.text(zh: "社区：", en: "communities: ") + (try device.communityScopes).map(\.name).joined(separator: ", "))
        print(language.text(zh: "首次同步时向辖区中心登记本设备密钥：fagu sync 或 fagu export",
                            en: "the first sync registers this device's key with the hub: fagu sync, or fagu export"))
    }
}
