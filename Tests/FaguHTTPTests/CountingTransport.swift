import FaguSync
import Synchronization

/// A transport that counts what crosses it: exchanges, bytes sent and bytes received back.
final class CountingTransport: SyncTransport {
    let base: any SyncTransport
    private let counts = Mutex((exchanges: 0, sent: 0, received: 0))
    var peerDescription: String { base.peerDescription }

    init(_ base: any SyncTransport) { self.base = base }

    /// Exchanges that got a reply, bytes of their requests, bytes of their replies.
    var totals: (exchanges: Int, sent: Int, received: Int) { counts.withLock { $0 } }

    func exchange(_ request: [UInt8]) async throws -> [UInt8] {
        let reply = try await base.exchange(request)
        counts.withLock { $0 = ($0.exchanges + 1, $0.sent + request.count, $0.received + reply.count) }
        return reply
    }
}
