import FaguSync
import FaguWire
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import ServiceLifecycle

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
    /// What `GET /metrics` reports.
    public let metrics: HubMetrics
    /// The port `GET /metrics` is served on alone (0: any free one); nil serves it beside the sync routes.
    public let metricsPort: Int?
    /// How long, after SIGTERM or SIGINT, the syncs in flight may take to finish before they are cut.
    public let shutdownGrace: Duration
    /// How many days refused requests stay in the hub's sync log.
    public let refusedSyncRetentionDays: Int
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
    ///   - metrics: What `GET /metrics` reports (new counters by default).
    ///   - metricsPort: A port for `GET /metrics` alone; nil to serve it on `port`.
    ///   - shutdownGrace: How long syncs in flight may take to finish once a stop is asked.
    ///   - refusedSyncRetentionDays: How many days refused requests stay in the sync log.
    ///   - onIncident: Called once for every incident report that arrives, after its sync was applied.
    public init(hub: Hub, host: String = "127.0.0.1", port: Int = 8080, tls: TLSFiles? = nil,
                maxRequestBytes: Int = ChangeSetLimits.standard.maxFileBytes, idleTimeout: Duration = .seconds(120),
                logger: Logger = Logger(label: "fagu-hub"), metrics: HubMetrics = HubMetrics(), metricsPort: Int? = nil,
                shutdownGrace: Duration = .seconds(30), refusedSyncRetentionDays: Int = 90,
                onIncident: @escaping @Sendable (IncidentNotice) -> Void = { _ in }) {
        self.hub = hub
        self.host = host
        self.port = port
        self.tls = tls
        self.maxRequestBytes = maxRequestBytes
        self.idleTimeout = idleTimeout
        self.logger = logger
        self.metrics = metrics
        self.metricsPort = metricsPort
        self.shutdownGrace = shutdownGrace
        self.refusedSyncRetentionDays = refusedSyncRetentionDays
        self.onIncident = onIncident
    }

    /// Listens and serves until the calling task is cancelled (or, run inside a
    /// `ServiceGroup`, until it shuts down gracefully).
    ///
    /// - Parameters:
    ///   - onListening: Called once the sync socket is bound, with the real port.
    ///   - onMetricsListening: Called once the metrics socket is bound, when it has a port of its own.
    /// - Throws: ``HubServerFailure`` when the TLS files cannot be read; the socket's error when
    ///   the address cannot be bound.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in },
                    onMetricsListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let services = try applications(onListening: onListening, onMetricsListening: onMetricsListening)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for service in services { group.addTask { try await service.run() } }
            // The first to end (an error, or cancellation) ends the others.
            try await group.next()
            group.cancelAll()
        }
    }

    /// Listens and serves until SIGINT or SIGTERM; then takes no new connection, lets the syncs in
    /// flight finish for up to ``shutdownGrace``, cuts what is left, and returns.
    ///
    /// - Parameters:
    ///   - onListening: Called once the sync socket is bound, with the real port.
    ///   - onMetricsListening: Called once the metrics socket is bound, when it has a port of its own.
    public func runUntilSignalled(onListening: @escaping @Sendable (Int) async -> Void = { _ in },
                                  onMetricsListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let services = try applications(onListening: onListening, onMetricsListening: onMetricsListening)
        var configuration = ServiceGroupConfiguration(
            services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [], logger: logger)
        configuration.maximumGracefulShutdownDuration = shutdownGrace
        try await ServiceGroup(configuration: configuration).run()
    }

    /// The Hummingbird applications: the sync routes over HTTP/1.1 (inside TLS when configured),
    /// and, when it has a port of its own, the metrics route.
    private func applications(onListening: @escaping @Sendable (Int) async -> Void,
                              onMetricsListening: @escaping @Sendable (Int) async -> Void) throws -> [any Service] {
        let routes = HubRoutes(desk: SyncDesk(hub: hub, logger: logger, metrics: metrics,
                                                refusals: RefusalLog(retentionDays: refusedSyncRetentionDays)), worker: HubWorker(),
                               maxRequestBytes: maxRequestBytes, logger: logger, onIncident: onIncident,
                               servesMetrics: metricsPort == nil)
        let (seconds, attoseconds) = idleTimeout.components
        let http = HTTPServerBuilder.http1(configuration: .init(
            idleTimeout: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)))
        let server = try tls.map { try HTTPServerBuilder.tls(http, tlsConfiguration: $0.serverConfiguration()) } ?? http
        let port = self.port
        var services: [any Service] = [Application(
            router: routes.router(), server: server,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "fagu-hub"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)]
        if let metricsPort {
            services.append(Application(
                router: routes.metricsRouter(),
                configuration: ApplicationConfiguration(address: .hostname(host, port: metricsPort), serverName: "fagu-hub"),
                onServerRunning: { channel in await onMetricsListening(channel.localAddress?.port ?? metricsPort) },
                logger: logger))
        }
        return services
    }
}
