import FaguModel

extension TransactionContext.RowKey {
    /// `keys` in the order SQLite's B-trees keep them: by kind code, then by id
    /// (``RecordID``'s order is SQLite's). A batch written in this order touches each page of
    /// a table once.
    static func inStorageOrder(_ keys: [Self]) -> [Self] {
        storageOrder(of: keys).map { keys[$0] }
    }

    /// The positions of `keys` in storage order (see ``inStorageOrder(_:)``).
    ///
    /// Sorted on numbers: a batch sorts every record it creates, and comparing two
    /// ``RecordID`` values goes through their enum each time. A UUID is taken as its two
    /// big-endian words once; two coded ids are compared as ``RecordID`` orders them.
    static func storageOrder(of keys: [Self]) -> [Int] {
        var sortable = keys.indices.map { position in
            switch keys[position].record {
            case .uuid(let uuid):
                let (high, low) = uuid.orderedWords
                return SortKey(code: keys[position].code, isUUID: true, high: high, low: low, position: position)
            case .code:
                return SortKey(code: keys[position].code, isUUID: false, high: 0, low: 0, position: position)
            }
        }
        sortable.sort { left, right in
            if left.code != right.code { return left.code < right.code }
            if left.isUUID != right.isUUID { return !left.isUUID }  // coded ids come before UUIDs
            if left.isUUID { return (left.high, left.low) < (right.high, right.low) }
            return keys[left.position].record < keys[right.position].record
        }
        return sortable.map(\.position)
    }
}

/// A row key in the numbers storage order compares, and where it stood.
private struct SortKey {
    var code: Int
    var isUUID: Bool
    var high: UInt64
    var low: UInt64
    var position: Int
}
