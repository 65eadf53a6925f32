import FaguModel

extension TransactionContext.RowKey {
    /// `keys` in the order SQLite's B-trees keep them: by kind code, then by id
    /// (``RecordID``'s order is SQLite's). A batch written in this order touches each page of
    /// a table once.
    static func inStorageOrder(_ keys: [Self]) -> [Self] {
        storageOrder(of: keys).map { keys[$0] }
    }

    /// The positions of `keys` in storage order (see ``inStorageOrder(_:)``).
    static func storageOrder(of keys: [Self]) -> [Int] {
        keys.indices.sorted { (keys[$0].code, keys[$0].record) < (keys[$1].code, keys[$1].record) }
    }
}
