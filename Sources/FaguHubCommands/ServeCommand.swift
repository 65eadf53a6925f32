import ArgumentParser
import FaguCLI
import FaguHubServer
import FaguSync
import FaguWire
import Foundation
import Logging

/// `fagu-hub serve`: the sync server.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve devices' syncs over HTTP (or HTTPS) until interrupted (同步服务).",
        discussion: """
            POST /v1/sync takes a device's signed change set and answers with what it lacks; \
            GET /v1/health answers when the hub is up. Plain HTTP on 127.0.0.1 by default; give \
            --tls-cert and --tls-key (PEM) to serve HTTPS. Incident reports are announced on \
            stderr the moment they arrive. Ctrl-C finishes the requests in flight and stops.
            """)

    @Option(name: .long, help: ArgumentHelp("The address to listen on.", valueName: "HOST")) var host = "127.0.0.1"
    @Option(name: .long, help: ArgumentHelp("The port (0: any free one).", valueName: "PORT")) var port = 8080
    @Option(name: .long, help: ArgumentHelp("PEM certificate chain, for HTTPS.", valueName: "F")) var tlsCert: String?
    @Option(name: .long, help: ArgumentHelp("PEM private key, for HTTPS.", valueName: "F")) var tlsKey: String?
    @Option(name: .long, help: ArgumentHelp("At most this many groups per reply (a page).", valueName: "N")) var pageLimit = 2_000
    @Option(name: .long, help: ArgumentHelp("The largest upload accepted, checked before reading (default: the change-set file limit, 64 MiB).",
                                            valueName: "BYTES"))
    var maxUploadBytes = ChangeSetLimits.standard.maxFileBytes

    @OptionGroup var options: HubOptions

    /// What `--json` prints once the hub listens.
    struct Listening: Encodable {
        var district: String
        var listening: String
    }

    func validate() throws {
        let language = options.language, hubText = Catalogue.Hub.self
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError(language.text(hubText.tlsNeedsBoth)) }
        guard (0...65_535).contains(port) else { throw ValidationError(language.text(hubText.portOutOfRange)) }
        guard pageLimit > 0 else { throw ValidationError(language.text(hubText.pageLimitNotPositive)) }
        guard (1_024...ChangeSetLimits.standard.maxFileBytes).contains(maxUploadBytes) else {
            throw ValidationError(language.text(hubText.maxUploadOutOfRange(ChangeSetLimits.standard.maxFileBytes)))
        }
    }

    func run() async throws {
        let hub = try options.openHub(pageLimit: pageLimit)
        let language = options.language
        if tlsCert == nil, !["127.0.0.1", "localhost", "::1"].contains(host) {
            FileHandle.standardError.write(Data((language.text(Catalogue.Hub.plainHTTPWarning(host)) + "\n").utf8))
        }
        let tls = tlsCert.map { TLSFiles(certificateChain: $0, privateKey: tlsKey!) }
        var logger = Logger(label: "fagu-hub")
        logger.logLevel = .notice
        let scheme = tls == nil ? "http" : "https"
        let server = HubServer(hub: hub, host: host, port: port, tls: tls, maxRequestBytes: maxUploadBytes,
                               logger: logger) { notice in
            let line = language.text(Catalogue.Hub.incidentArrived(community: notice.communityID ?? "?", level: notice.level ?? "",
                                                                   from: notice.subject, record: "\(notice.record)"))
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        let host = self.host, district = hub.district
        do {
            let json = options.output.json
            try await server.runUntilSignalled { bound in
                let url = "\(scheme)://\(host):\(bound)"
                // Written unbuffered: scripts wait for this line to know the port.
                if json {
                    try? JSONOutput.print(Listening(district: district, listening: url))
                } else {
                    FileHandle.standardOutput.write(Data((language.text(Catalogue.Hub.listening(district, on: url)) + "\n").utf8))
                }
            }
        } catch {
            throw CommandFailure(language.text(Catalogue.Hub.cannotServe(host, port, Catalogue.failure(error))))
        }
    }
}
