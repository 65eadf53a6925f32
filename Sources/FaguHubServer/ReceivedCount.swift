import Synchronization
/// How many bytes of an upload have arrived, shared with the task that watches its deadline.
final class ReceivedCount: Sendable {
    private let count = Mutex(0)

    /// The bytes received so far.
    var value: Int { count.withLock { $0 } }

    /// Records that `bytes` have arrived.
    func set(_ bytes: Int) { count.withLock { $0 = bytes } }
}
