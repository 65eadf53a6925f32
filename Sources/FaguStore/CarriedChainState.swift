import GRDB
import Synchronization

/// The version vectors and chain heads write transactions have read or written, carried
/// from one committed write transaction of this replica to the next, so a transaction that
/// touches many scopes (a day written in transactions of 1,000 over 200 communities) does
/// not query each scope's vector and chain head again.
///
/// Valid only while no other connection has written the file: each state is stamped with
/// SQLite's `PRAGMA data_version`, which changes when another connection commits and not
/// when this one does. A context proposes its state when it flushes; the proposal is kept
/// when its transaction commits and dropped when it rolls back (GRDB's
/// `afterNextTransaction`, run on the writer's queue like the transaction itself).
final class CarriedChainState: Sendable {
    /// What one transaction saw, at one data version.
    struct State {
        /// The connection's `PRAGMA data_version` when it was read.
        var dataVersion: Int64
        /// Whole version vectors by local scope number: per origin number, its counter.
        var vectors: [Int: [Int: UInt64]]
        /// Per scope and origin: a counter and the chain hash of the group that ends there.
        var heads: [TransactionContext.VectorKey: (counter: UInt64, hash: [UInt8]?)]
    }

    private struct Slots {
        /// What the last committed transaction left.
        var committed: State?
        /// What a context of the open transaction ended with.
        var proposed: State?
        /// Whether the open transaction will report its end here.
        var watching = false
    }

    private let slots = Mutex(Slots())

    /// The state a context of the write transaction open on `db` starts from: what an
    /// earlier context of the same transaction proposed, else what the last committed one
    /// left; nil when another connection wrote since (`dataVersion` differs).
    func state(in db: Database, at dataVersion: Int64) -> State? {
        let watching = slots.withLock { slots in
            defer { slots.watching = true }
            return slots.watching
        }
        if !watching {
            db.afterNextTransaction(onCommit: { [self] _ in end(committed: true) }, onRollback: { [self] _ in end(committed: false) })
        }
        return slots.withLock { slots in
            guard let state = slots.proposed ?? slots.committed, state.dataVersion == dataVersion else { return nil }
            return state
        }
    }

    /// Offers the state a context ends its part of the open transaction with.
    func propose(_ state: State) {
        slots.withLock { $0.proposed = state }
    }

    /// The open transaction ended: what it proposed is kept if it committed.
    private func end(committed: Bool) {
        slots.withLock { slots in
            if committed, let proposed = slots.proposed { slots.committed = proposed }
            slots.proposed = nil
            slots.watching = false
        }
    }
}
