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
            GET /v1/health answers when the hub is up; GET /metrics gives Prometheus metrics \
            (on --metrics-port alone when given). Plain HTTP on 127.0.0.1 by default; give \
            --tls-cert and --tls-key (PEM) to serve HTTPS. Each sync is logged as one line on \
            stderr (logfmt or JSON: device, outcome, time taken, bytes; never record content), \
            and incident reports are announced there the moment they arrive. SIGTERM or Ctrl-C \
            takes no new sync, lets those in flight finish (up to --shutdown-grace seconds) and \
            stops. Every option can also be set in the configuration file (serve.*); an option \
            given here wins.
            """)

    @Option(name: .long, help: ArgumentHelp("The address to listen on (default 127.0.0.1).", valueName: "HOST")) var host: String?
    @Option(name: .long, help: ArgumentHelp("The port (0: any free one; default 8080).", valueName: "PORT")) var port: Int?
    @Option(name: .long, help: ArgumentHelp("PEM certificate chain, for HTTPS.", valueName: "F")) var tlsCert: String?
    @Option(name: .long, help: ArgumentHelp("PEM private key, for HTTPS.", valueName: "F")) var tlsKey: String?
    @Option(name: .long, help: ArgumentHelp("At most this many groups per reply (a page; default 2000).", valueName: "N"))
    var pageLimit: Int?
    @Option(name: .long, help: ArgumentHelp("The largest upload accepted, checked before reading (default: the change-set file limit, 64 MiB).",
                                            valueName: "BYTES"))
    var maxUploadBytes: Int?
    @Option(name: .long, help: ArgumentHelp("Serve GET /metrics on this port alone (0: any free one) instead of beside the syncs.",
                                            valueName: "PORT"))
    var metricsPort: Int?
    @Option(name: .long, help: ArgumentHelp("Seconds the syncs in flight may take to finish after SIGTERM (default 30).",
                                            valueName: "SECONDS"))
    var shutdownGrace: Int?
    @Option(name: .long, help: ArgumentHelp("The log's line format: logfmt or json (default logfmt).", valueName: "FORMAT"))
    var logFormat: String?
    @Option(name: .long, help: ArgumentHelp("The lowest level logged: debug, info, notice, warning, error (default info).",
                                            valueName: "LEVEL"))
    var logLevel: String?

    @OptionGroup var options: HubOptions

    /// What `--json` prints once the hub listens.
    struct Listening: Encodable {
        var district: String
        var listening: String
        var metrics: String?
    }

    /// The server's settings: the flags, else the configuration file, else the defaults.
    struct Resolved {
        var host: String
        var port: Int
        var tls: TLSFiles?
        var pageLimit: Int
        var maxUploadBytes: Int
        var metricsPort: Int?
        var shutdownGrace: Int
        var logFormat: StructuredLogHandler.Format
        var logLevel: Logger.Level
        var refusedSyncDays: Int
    }

    func validate() throws {
        let language = options.language
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError(language.text(Catalogue.Hub.tlsNeedsBoth)) }
        // A flag obeys the rule of the setting it stands for in the configuration file.
        let numbers: [(String, String, Int?)] = [
            ("--port", "serve.port", port), ("--metrics-port", "serve.metrics_port", metricsPort),
            ("--page-limit", "serve.page_limit", pageLimit), ("--max-upload-bytes", "serve.max_upload_bytes", maxUploadBytes),
            ("--shutdown-grace", "serve.shutdown_grace_seconds", shutdownGrace),
        ]
        for case let (flag, name, value?) in numbers {
            if let problem = HubSettings.problem(with: value, for: name, as: flag) { throw ValidationError(language.text(problem)) }
        }
        let texts: [(String, String, String?)] = [("--log-format", "serve.log_format", logFormat),
                                                  ("--log-level", "serve.log_level", logLevel)]
        for case let (flag, name, value?) in texts {
            if let problem = HubSettings.problem(with: value, for: name, as: flag) { throw ValidationError(language.text(problem)) }
        }
    }

    /// The flags over the configuration file over the defaults (``HubSettings/standard``).
    func resolve(_ settings: HubSettings) -> Resolved {
        let standard = HubSettings.standard
        let certificate = tlsCert ?? settings.tlsCert, key = tlsKey ?? settings.tlsKey
        return Resolved(
            host: host ?? settings.host ?? standard.host!, port: port ?? settings.port ?? standard.port!,
            tls: certificate.flatMap { certificate in key.map { TLSFiles(certificateChain: certificate, privateKey: $0) } },
            pageLimit: pageLimit ?? settings.pageLimit ?? standard.pageLimit!,
            maxUploadBytes: maxUploadBytes ?? settings.maxUploadBytes ?? standard.maxUploadBytes!,
            metricsPort: metricsPort ?? settings.metricsPort,
            shutdownGrace: shutdownGrace ?? settings.shutdownGraceSeconds ?? standard.shutdownGraceSeconds!,
            // Both checked against their choices (flags in validate(), the file when read).
            logFormat: StructuredLogHandler.Format(rawValue: logFormat ?? settings.logFormat ?? standard.logFormat!) ?? .logfmt,
            logLevel: Logger.Level(rawValue: logLevel ?? settings.logLevel ?? standard.logLevel!) ?? .info,
            refusedSyncDays: settings.refusedSyncDays ?? standard.refusedSyncDays!)
    }

    func run() async throws {
        let language = options.language
        let settings = resolve(try options.settings())
        let hub = try options.openHub(pageLimit: settings.pageLimit)
        if settings.tls == nil, !["127.0.0.1", "localhost", "::1"].contains(settings.host) {
            FileHandle.standardError.write(Data((language.text(Catalogue.Hub.plainHTTPWarning(settings.host)) + "\n").utf8))
        }
        let (format, level) = (settings.logFormat, settings.logLevel)
        let logger = Logger(label: "fagu-hub") { label in StructuredLogHandler(label: label, format: format, level: level) }
        let scheme = settings.tls == nil ? "http" : "https"
        let server = HubServer(hub: hub, host: settings.host, port: settings.port, tls: settings.tls,
                               maxRequestBytes: settings.maxUploadBytes, logger: logger, metricsPort: settings.metricsPort,
                               shutdownGrace: .seconds(settings.shutdownGrace), refusedSyncRetentionDays: settings.refusedSyncDays) { notice in
            let line = language.text(Catalogue.Hub.incidentArrived(community: notice.communityID ?? "?", level: notice.level ?? "",
                                                                   from: notice.subject, record: "\(notice.record)"))
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        let host = settings.host, district = hub.district, json = options.output.json
        // Both ports are announced in one line once both are bound: scripts wait for it.
        let announcement = ListeningAnnouncement(expectsMetricsPort: settings.metricsPort != nil) { port, metricsPort in
            let url = "\(scheme)://\(host):\(port)"
            let metrics = metricsPort.map { "http://\(host):\($0)/metrics" } ?? "\(url)/metrics"
            if json {
                try? JSONOutput.print(Listening(district: district, listening: url, metrics: metrics))
            } else {
                FileHandle.standardOutput.write(Data((language.text(Catalogue.Hub.listening(district, on: url)) + "\n").utf8))
            }
        }
        do {
            try await server.runUntilSignalled(onListening: { await announcement.sync($0) },
                                               onMetricsListening: { await announcement.metrics($0) })
            logger.notice("stopped", metadata: ["reason": "signal"])
        } catch {
            throw CommandFailure(language.text(Catalogue.Hub.cannotServe(settings.host, settings.port, Catalogue.failure(error))))
        }
    }
}
