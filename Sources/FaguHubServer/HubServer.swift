import FaguSync
import FaguWire
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging

/// The district hub over HTTP (or HTTPS): devices `POST /v1/sync` their signed change sets and
/// get the hub's signed reply; `GET /v1/health` says which district and replica answer.
///
/// ```swift
/// let server = HubServer(hub: hub, port: 0, onIncident: { notice in alert(notice.record) })
/// try await server.run { port in print("listening on \(port)") }   // until the task is cancelled
/// ```
///
/// Every request is noted in the hub's sync log (transport `serve`), accepted or refused. The
/// hub's SQLite work runs on a queue of its own, one exchange at a time, never on the event
/// loops. A refusal answers 403 (who the sender is or what it may write) or 400 (a bad file),
/// a body over ``maxRequestBytes`` answers 413, each with `{"code": "…", "message": "…"}`.
public struct HubServer: Sendable {
    /// The hub every request goes to.
    public let hub: Hub
    /// The address to listen on (`127.0.0.1`, `0.0.0.0`).
    public let host: String
    /// The port to listen on; 0 picks a free one, reported to `onListening`.
    public let port: Int
    /// The certificate and key to serve HTTPS with; plain HTTP when nil.
    public let tls: TLSFiles?
    /// The largest request body accepted: a change-set file's limit.
    public let maxRequestBytes: Int
    /// How long a connection may stay silent (an upload that stalls) before it is closed.
    public let idleTimeout: Duration
    /// Where requests are logged: codes and counts, never a resident's name.
    public let logger: Logger
    private let onIncident: @Sendable (IncidentNotice) -> Void

    /// A server for `hub`, not yet listening.
    ///
    /// - Parameters:
    ///   - hub: The hub every request goes to.
    ///   - host: The address to listen on.
    ///   - port: The port; 0 for any free one.
    ///   - tls: PEM files to serve HTTPS with; nil for plain HTTP.
    ///   - maxRequestBytes: The largest body accepted (default: the change-set file limit).
    ///   - idleTimeout: How long a silent connection is kept.
    ///   - logger: Where requests are logged.
    ///   - onIncident: Called once for every incident report that arrives, after its sync was applied.
    public init(hub: Hub, host: String = "127.0.0.1", port: Int = 8080, tls: TLSFiles? = nil,
                maxRequestBytes: Int = ChangeSetLimits.standard.maxFileBytes, idleTimeout: Duration = .seconds(120),
                logger: Logger = Logger(label: "fagu-hub"),
                onIncident: @escaping @Sendable (IncidentNotice) -> Void = { _ in }) {
        self.hub = hub
        self.host = host
        self.port = port
        self.tls = tls
        self.maxRequestBytes = maxRequestBytes
        self.idleTimeout = idleTimeout
        self.logger = logger
        self.onIncident = onIncident
    }

    /// Listens and serves until the calling task is cancelled (or, run inside a
    /// `ServiceGroup`, until it shuts down gracefully).
    ///
    /// - Parameter onListening: Called once the socket is bound, with the real port.
    /// - Throws: ``HubServerFailure`` when the TLS files cannot be read; the socket's error when
    ///   the address cannot be bound.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onListening: onListening).run()
    }

    /// Listens and serves until SIGINT or SIGTERM, then finishes the requests in flight and returns.
    ///
    /// - Parameter onListening: Called once the socket is bound, with the real port.
    public func runUntilSignalled(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onListening: onListening).runService()
    }

    /// The Hummingbird application: the routes, HTTP/1.1 (inside TLS when configured), the address.
    private func application(onListening: @escaping @Sendable (Int) async -> Void) throws -> some ApplicationProtocol {
        let routes = HubRoutes(desk: SyncDesk(hub: hub, logger: logger), worker: HubWorker(),
                               maxRequestBytes: maxRequestBytes, logger: logger, onIncident: onIncident)
        let (seconds, attoseconds) = idleTimeout.components
        let http = HTTPServerBuilder.http1(configuration: .init(
            idleTimeout: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)))
        let server = try tls.map { try HTTPServerBuilder.tls(http, tlsConfiguration: $0.serverConfiguration()) } ?? http
        let port = self.port
        return Application(
            router: routes.router(), server: server,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "fagu-hub"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}
