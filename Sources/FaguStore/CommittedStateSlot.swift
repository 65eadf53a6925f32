import Foundation

/// Where a replica keeps the ``CommittedState`` its last write transaction ended with, for
/// the next to start from. Taken out by the transaction that uses it, so a transaction that
/// fails leaves nothing behind; a state kept late (another transaction committed first) is
/// refused by its mark when next taken.
final class CommittedStateSlot: @unchecked Sendable {
    /// Guards `state`.
    private let lock = NSLock()
    private var state: CommittedState?

    /// The state kept, leaving the slot empty.
    func take() -> CommittedState? {
        lock.lock()
        defer { lock.unlock() }
        let taken = state
        state = nil
        return taken
    }

    /// Keeps `state` for the next transaction.
    func keep(_ state: CommittedState) {
        lock.lock()
        self.state = state
        lock.unlock()
    }
}
