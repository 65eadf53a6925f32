import FaguStore
import FaguSync
import Foundation
import Metrics
import Prometheus

/// What `GET /metrics` reports, in Prometheus's text format: counted as syncs happen through
/// swift-metrics (backed by a registry of this server's own, so two servers in one process never
/// share counts), plus the hub's state read at each scrape.
///
/// | name | kind | labels |
/// |---|---|---|
/// | `fagu_syncs_total` | counter | `outcome` (`accepted`, `refused`) |
/// | `fagu_refusals_total` | counter | `code` (a ``SyncRefusal`` code) |
/// | `fagu_apply_seconds` | histogram | applying a device's file |
/// | `fagu_reply_seconds` | histogram | building and signing the reply |
/// | `fagu_received_bytes_total`, `fagu_sent_bytes_total` | counter | request bodies read; signed replies sent |
/// | `fagu_held_back_groups`, `fagu_set_aside_groups` | gauge | at the scrape |
/// | `fagu_devices` | gauge | `last_seen` (`never`, `1d`, `7d`, `30d`, `older`: within a day, a week, a month, or longer), revoked devices left out |
public final class HubMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let accepted: Metrics.Counter
    private let received: Metrics.Counter
    private let sent: Metrics.Counter
    private let applying: Metrics.Timer
    private let replying: Metrics.Timer
    private let heldBack: Metrics.Gauge
    private let setAside: Metrics.Gauge

    /// The `last_seen` buckets of `fagu_devices`, each with its upper bound in days (nil: no bound).
    static let ageBuckets: [(label: String, days: Int64?)] = [("1d", 1), ("7d", 7), ("30d", 30), ("older", nil)]

    /// Counters at zero.
    public init() {
        factory = PrometheusMetricsFactory(registry: registry)
        accepted = Metrics.Counter(label: "fagu_syncs_total", dimensions: [("outcome", "accepted")], factory: factory)
        received = Metrics.Counter(label: "fagu_received_bytes_total", factory: factory)
        sent = Metrics.Counter(label: "fagu_sent_bytes_total", factory: factory)
        applying = Metrics.Timer(label: "fagu_apply_seconds", factory: factory)
        replying = Metrics.Timer(label: "fagu_reply_seconds", factory: factory)
        heldBack = Metrics.Gauge(label: "fagu_held_back_groups", factory: factory)
        setAside = Metrics.Gauge(label: "fagu_set_aside_groups", factory: factory)
    }

    /// Counts an accepted sync: its bytes both ways and how long applying and replying took.
    func recordAccepted(receivedBytes: Int, sentBytes: Int, apply: Duration, reply: Duration) {
        accepted.increment()
        received.increment(by: receivedBytes)
        sent.increment(by: sentBytes)
        applying.recordNanoseconds(apply.nanoseconds)
        replying.recordNanoseconds(reply.nanoseconds)
    }

    /// Counts a refused request by its code, and the bytes it brought.
    func recordRefused(code: String, receivedBytes: Int) {
        Metrics.Counter(label: "fagu_syncs_total", dimensions: [("outcome", "refused")], factory: factory).increment()
        Metrics.Counter(label: "fagu_refusals_total", dimensions: [("code", code)], factory: factory).increment()
        received.increment(by: receivedBytes)
    }

    /// The text of a scrape: the hub's state read now, then every metric.
    ///
    /// - Throws: What reading the hub's replica throws.
    func scrape(_ hub: Hub) throws -> String {
        heldBack.record(try hub.replica.heldBackCount())
        setAside.record(try hub.replica.setAsideCount())
        let now = hub.replica.now().milliseconds
        var counts = Dictionary(uniqueKeysWithValues: (Self.ageBuckets.map(\.label) + ["never"]).map { ($0, 0) })
        for device in try hub.replica.devices() where device.revokedAt == nil {
            guard let seen = device.lastSeenAt else {
                counts["never", default: 0] += 1
                continue
            }
            let age = max(0, now - seen.milliseconds)
            let bucket = Self.ageBuckets.first { $0.days.map { age <= $0 * 86_400_000 } ?? true }!
            counts[bucket.label, default: 0] += 1
        }
        for (label, count) in counts {
            Metrics.Gauge(label: "fagu_devices", dimensions: [("last_seen", label)], factory: factory).record(count)
        }
        return registry.emitToString()
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
