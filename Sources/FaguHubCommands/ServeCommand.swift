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
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("give both --tls-cert and --tls-key, or neither") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0–65535") }
        guard pageLimit > 0 else { throw ValidationError("--page-limit must be positive") }
        guard (1_024...ChangeSetLimits.standard.maxFileBytes).contains(maxUploadBytes) else {
            throw ValidationError("--max-upload-bytes must be between 1024 and \(ChangeSetLimits.standard.maxFileBytes)")
        }
    }

    func run() async throws {
        let hub = try options.openHub(pageLimit: pageLimit)
        let language = options.language
        if tlsCert == nil, !["127.0.0.1", "localhost", "::1"].contains(host) {
            FileHandle.standardError.write(Data(language.text(
                zh: "警告：在 \(host) 上以明文 HTTP 服务；签名仍保护真实性，但内容未加密。请用 --tls-cert/--tls-key 或置于 TLS 代理之后。\n",
                en: "warning: serving plain HTTP on \(host); signatures still authenticate, but content is not encrypted. Use --tls-cert/--tls-key or a TLS proxy.\n").utf8))
        }
        let tls = tlsCert.map { TLSFiles(certificateChain: $0, privateKey: tlsKey!) }
        var logger = Logger(label: "fagu-hub")
        logger.logLevel = .notice
        let scheme = tls == nil ? "http" : "https"
        let server = HubServer(hub: hub, host: host, port: port, tls: tls, maxRequestBytes: maxUploadBytes,
                               logger: logger) { notice in
            let line = language.text(
                zh: "⚠ 事项报告到达：\(notice.communityID ?? "?") \(notice.level ?? "") 来自 \(notice.subject)（\(notice.record)）",
                en: "⚠ incident report arrived: \(notice.communityID ?? "?") \(notice.level ?? "") from \(notice.subject) (\(notice.record))")
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
                    FileHandle.standardOutput.write(Data((language.text(
                        zh: "辖区中心（\(district)）正在监听 \(url)", en: "hub of \(district) listening on \(url)") + "\n").utf8))
                }
            }
        } catch {
            throw CommandFailure("cannot serve on \(host):\(port): \(error)")
        }
    }
}
