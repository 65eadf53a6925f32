import Dispatch

/// Runs the hub's synchronous SQLite work on a queue of its own, one job at a time, so the
/// server's event loops and the cooperative thread pool never wait on the database.
final class HubWorker: Sendable {
    private let queue = DispatchQueue(label: "fagu.hub.replica", qos: .userInitiated)

    /// Runs `work` on the worker's queue and returns its result.
    func perform<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
