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
        let enrollment = try failing(language) { try Enrollment.read(from: enroll) }
        let device = try failing(language) { try FieldReplica.join(home: options.homePath, enrollment: enrollment) }
        let output = Output(replica: device.replica.id.description, role: device.role.rawValue, subject: device.subject,
                            district: device.district, scopes: (try device.scopes).map(\.name), hubUrl: device.hubURL,
                            home: options.homePath)
        if options.output.json { return try JSONOutput.print(output) }
        print(language.text(Catalogue.joinedDistrict(device.district, role: device.role, subject: device.subject,
                                                     device: output.replica)))
        let communities = try failing(language) { try device.communityScopes }
        print(language.text(Catalogue.communitiesServed(communities.map(\.name).joined(separator: ", "))))
        print(language.text(Catalogue.firstSyncRegistersKey))
    }
}
