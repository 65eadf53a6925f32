extension TransactionContext {
    /// Records a batch created in memory that the tables turned out to hold already: the
    /// transaction is rolled back and run again with their creations looked up first
    /// (``TransactionContext/heldRecords``). Rare — two replicas creating the same coded
    /// record — so one retry costs less than looking every creation up beforehand.
    struct RecordsHeld: Error {
        var keys: Set<RowKey>
    }
}
