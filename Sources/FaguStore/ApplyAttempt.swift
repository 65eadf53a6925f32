extension Replica {
    /// What earlier attempts at applying a batch found, for the next one to act on: each is
    /// rolled back whole and run again.
    struct ApplyAttempt {
        /// Groups (by ``RefusedGroup/key``) the write path refused, to set aside with its error.
        var refused: [String: ReplicaError] = [:]
        /// Records a creation of the batch found held (see ``TransactionContext/RecordsHeld``).
        var heldRecords: Set<TransactionContext.RowKey> = []
    }
}
