import ArgumentParser
import FaguCLI
import FaguHTTP
import FaguSync
import Foundation

/// `fagu sync [--hub URL]`: exchange changes with the hub over the network.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Sync with the district hub over the network (同步).",
        discussion: """
            Sends this device's changes the hub lacks and applies what the hub holds for this \
            device's communities, in one round trip when small, in pages when large. An \
            interrupted sync loses nothing: run it again to finish.
            """)

    @Option(name: .long, help: ArgumentHelp("The hub's address (default: the one in the enrollment file).", valueName: "URL"))
    var hub: String?
    @Option(name: .long, help: ArgumentHelp("A PEM file of certificates to trust for an https hub.", valueName: "FILE"))
    var trust: String?
    @Option(name: .long, help: ArgumentHelp("Seconds one round trip may take.", valueName: "S"))
    var timeout: Int = 60
    @Flag(name: .long, help: "Allow plain http:// to a hub that is not on this machine (residents' data in clear text).")
    var insecureHttp = false

    @OptionGroup var options: DeviceOptions

    struct Output: Encodable {
        var hub: String
        var rounds: Int
        var sentChanges: Int
        var receivedChanges: Int
        var heldBackGroups: Int
        var openConflicts: Int
        var pendingChanges: Int
        var setAside: Int
    }

    /// Whether `host` is this machine: an IPv4 address in 127.0.0.0/8, ::1 or localhost.
    static func isLoopback(_ host: String) -> Bool {
        let host = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if host == "localhost" || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    func run() async throws {
        let language = options.language
        let device = try options.openDevice()
        let address = hub ?? device.hubURL
        guard !address.isEmpty else {
            throw CommandFailure(language.text(Catalogue.noHubAddress), exitCode: 2)
        }
        if let url = URL(string: address), url.scheme?.lowercased() == "http", !insecureHttp,
           let host = url.host, !Self.isLoopback(host) {
            throw CommandFailure(language.text(Catalogue.refusingClearText(to: host)), exitCode: 2)
        }
        let transport: HTTPTransport
        do {
            transport = try HTTPTransport(baseURL: address, timeout: .seconds(max(timeout, 1)), trustRoots: trust)
        } catch {
            throw CommandFailure(language.text(error.catalogueText), exitCode: 2)
        }
        let progress = ProgressLine(enabled: !options.output.json)
        progress.update(language.text(Catalogue.syncing(with: address)))
        let summary = try await failing(language) {
            do {
                return try await device.sync(over: transport) { step in
                    progress.update(language.text(Catalogue.syncingRound(step.rounds, sent: step.sentChanges,
                                                                         received: step.receivedChanges)))
                }
            } catch let error as HTTPTransportError {
                throw CommandFailure(language.text(error.catalogueText))
            }
        }
        progress.finish()
        let output = Output(hub: address, rounds: summary.rounds, sentChanges: summary.sentChanges,
                            receivedChanges: summary.receivedChanges, heldBackGroups: summary.heldBackGroups,
                            openConflicts: summary.openConflicts, pendingChanges: try failing(language) { try device.pendingChanges() },
                            setAside: summary.setAside)
        if options.output.json { return try JSONOutput.print(output) }
        print(language.text(Catalogue.synced(with: address, sent: output.sentChanges, received: output.receivedChanges,
                                             rounds: output.rounds, openConflicts: output.openConflicts)))
        if output.setAside > 0 { print(SetAsideNotice.text(output.setAside, language)) }
    }
}
