import FaguHubServer
import FaguSync
import FaguWire
import Foundation
import Logging

/// Runs a real ``HubServer`` for `hub` on 127.0.0.1, on a port the system picks, for as long
/// as `body` runs; then cancels it.
///
/// - Parameter body: Gets the base URL (`http://127.0.0.1:PORT`, or `https://` with `tls`).
func withLiveHub<Result: Sendable>(
    _ hub: Hub, tls: TLSFiles? = nil, maxRequestBytes: Int = ChangeSetLimits.standard.maxFileBytes,
    metrics: HubMetrics = HubMetrics(),
    onIncident: @escaping @Sendable (IncidentNotice) -> Void = { _ in },
    _ body: (String) async throws -> Result
) async throws -> Result {
    let quiet = Logger(label: "fagu-hub-test") { _ in SwiftLogNoOpLogHandler() }
    let server = HubServer(hub: hub, host: "127.0.0.1", port: 0, tls: tls,
                           maxRequestBytes: maxRequestBytes, logger: quiet, metrics: metrics,
                           onIncident: onIncident)
    let (ports, announce) = AsyncStream.makeStream(of: Int.self)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            defer { announce.finish() }
            try await server.run { port in announce.yield(port) }
        }
        var listening = ports.makeAsyncIterator()
        guard let port = await listening.next() else {
            try await group.waitForAll()
            throw HubDidNotStart()
        }
        let result = try await body("\(tls == nil ? "http" : "https")://127.0.0.1:\(port)")
        group.cancelAll()
        return result
    }
}
