import ArgumentParser
import FaguCLI
import FaguSync

/// `fagu-hub init --district NAME`.
struct HubInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the district hub: its replica and signing key (创建辖区中心).")

    @Option(name: .long, help: ArgumentHelp("The district's name, e.g. 浦东新区.", valueName: "NAME"))
    var district: String

    @OptionGroup var options: HubOptions

    struct Output: Encodable {
        var district: String
        var replica: String
        var publicKey: String
        var home: String
    }

    func run() throws {
        let hub = try failing(options.language) { try Hub.create(home: options.homePath, district: district) }
        let output = Output(district: hub.district, replica: hub.replica.id.description, publicKey: Hex.encode(hub.publicKey),
                            home: options.homePath)
        if options.output.json { return try JSONOutput.print(output) }
        print(options.language.text(Catalogue.Hub.created(hub.district, in: options.homePath)))
        print(options.language.text(Catalogue.Hub.importRosterNext))
    }
}
