import ArgumentParser
import FaguCLI
import FaguSync

/// `fagu-hub revoke REPLICA`.
struct RevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke a device: every later file from it is refused (吊销设备).")

    @Argument(help: "A device's replica id, or an adviser or community code (all its devices).")
    var replica: String

    @OptionGroup var options: HubOptions

    struct Output: Encodable { var revoked: [String] }

    func run() throws {
        let hub = try options.openHub()
        let revoked = try failing(options.language) { try hub.revoke(replica) }
        if options.output.json { return try JSONOutput.print(Output(revoked: revoked.map(\.description))) }
        if revoked.isEmpty {
            print(options.language.text(Catalogue.Hub.alreadyRevoked))
        }
        for id in revoked { print(options.language.text(Catalogue.Hub.revokedDevice(id.description))) }
    }
}
