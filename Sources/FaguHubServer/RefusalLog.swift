import FaguDomain
import FaguModel
import Synchronization

/// Keeps the hub's log of refused requests bounded: at most ``perMinute`` entries a minute
/// from one address (a client hammering the hub adds a handful of rows, not millions), and
/// entries older than ``retentionDays`` pruned about once an hour.
final class RefusalLog: Sendable {
    /// Refusals logged per address and minute; more are counted in the server's log only.
    static let perMinute = 20
    /// How long refused requests are kept in the sync log, by default.
    static let defaultRetentionDays = 90
    /// How long refused requests are kept in the sync log.
    let retentionDays: Int

    private struct State {
        var windows: [String: (minute: Int64, count: Int)] = [:]
        var lastPrune: Int64 = 0
    }

    private let state = Mutex(State())

    /// A log keeping refusals `retentionDays` days.
    init(retentionDays: Int = RefusalLog.defaultRetentionDays) {
        self.retentionDays = retentionDays
    }

    /// Whether a refusal from `address` at `now` may be written to the sync log.
    func admits(_ address: String, at now: Timestamp) -> Bool {
        let minute = now.milliseconds / 60_000
        return state.withLock { state in
            if state.windows.count > 10_000 { state.windows = state.windows.filter { $0.value.minute == minute } }
            var window = state.windows[address] ?? (minute, 0)
            if window.minute != minute { window = (minute, 0) }
            window.count += 1
            state.windows[address] = window
            return window.count <= RefusalLog.perMinute
        }
    }

    /// Whether it is time to prune old entries (true about once an hour).
    func duePrune(at now: Timestamp) -> Bool {
        state.withLock { state in
            guard now.milliseconds - state.lastPrune >= 3_600_000 else { return false }
            state.lastPrune = now.milliseconds
            return true
        }
    }
}
