import FaguModel

extension TransactionContext.RowKey {
    /// `keys` in the order SQLite's B-trees keep them: by kind code, then codes (text)
    /// before UUIDs (blobs), each by its bytes. A batch written in this order touches each
    /// page of a table once.
    static func inStorageOrder(_ keys: [Self]) -> [Self] {
        storageOrder(of: keys).map { keys[$0] }
    }

    /// The positions of `keys` in storage order (see ``inStorageOrder(_:)``).
    static func storageOrder(of keys: [Self]) -> [Int] {
        let orders = keys.map(StorageOrder.init)
        return orders.indices.sorted { orders[$0] < orders[$1] }
    }

    /// A key's place in storage order, comparable without building byte arrays.
    private struct StorageOrder: Comparable {
        var code: Int
        /// The code of a record named by one; nil for a UUID.
        var text: String?
        /// A UUID's bytes as two big-endian halves; zero for a code.
        var high: UInt64 = 0
        var low: UInt64 = 0

        init(_ key: TransactionContext.RowKey) {
            code = key.code
            switch key.record {
            case .code(let code):
                text = code
            case .uuid(let uuid):
                withUnsafeBytes(of: uuid.uuid) { bytes in
                    high = UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
                    low = UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                }
            }
        }

        static func < (lhs: Self, rhs: Self) -> Bool {
            if lhs.code != rhs.code { return lhs.code < rhs.code }
            switch (lhs.text, rhs.text) {
            case (.some(let left), .some(let right)): return left.utf8.lexicographicallyPrecedes(right.utf8)
            case (.some, .none): return true
            case (.none, .some): return false
            case (.none, .none): return (lhs.high, lhs.low) < (rhs.high, rhs.low)
            }
        }
    }
}
