import FaguModel
import Foundation

/// Rows a batch inserts at its end, bound on a thread of their own, a part at a time, while
/// the applying thread steps through the parts before: a day's merge makes tens of thousands
/// of records, and gathering each row's values from memory, in storage order rather than
/// the order they were made, costs the applying thread about as much as binding them.
struct PreparedInserts: Sendable {
    /// Each row's key, in the order to insert.
    private(set) var keys: [TransactionContext.RowKey] = []
    /// Where each row's parameters end among ``bindings``' parameters (each starts where the
    /// one before ends).
    private(set) var ends: [Int] = []
    /// Every row's parameters, their texts and blobs in one buffer.
    private(set) var bindings = StaticBindings()

    /// A row to insert: one made in memory, by its place among the rows made, or one kept
    /// that the tables do not hold yet.
    enum Row: Sendable {
        case created(position: Int)
        case kept(TransactionContext.RowKey, TransactionContext.StoredRow)
    }

    /// Rows per part: enough that handing a part over costs little per row, few enough that
    /// the first part is ready at once.
    static let rowsPerPart = 256

    /// From this many rows, binding them on another thread gains more than it costs.
    static let threadedFrom = 4_096

    /// The parameters of row `index` of this part.
    func parameters(of index: Int) -> Range<Int> { (index == 0 ? 0 : ends[index - 1])..<ends[index] }

    /// Binds `rows` in order on a thread of its own, reading the rows made in memory from
    /// `created`, and frees them there; the parts come through the hand-off returned, every
    /// row's in turn.
    ///
    /// The hand-off fails with `corrupt` if a row names a kind code the replica lacks.
    static func preparing(_ rows: consuming [Row], created: consuming [TransactionContext.CreatedRow?],
                          tables: KindTables) -> HandOff<PreparedInserts, ReplicaError> {
        let handOff = HandOff<PreparedInserts, ReplicaError>()
        let rows = consume rows, created = consume created
        Thread.detachNewThread {
            do throws(ReplicaError) {
                var part = PreparedInserts()
                for row in rows {
                    try part.append(row, created: created, tables: tables)
                    if part.keys.count == rowsPerPart {
                        handOff.send(part)
                        part = PreparedInserts()
                    }
                }
                if !part.keys.isEmpty { handOff.send(part) }
                handOff.finish()
            } catch {
                handOff.finish(failing: error)
            }
        }
        return handOff
    }

    private mutating func append(_ row: Row, created: [TransactionContext.CreatedRow?], tables: KindTables) throws(ReplicaError) {
        func table(_ code: Int) throws(ReplicaError) -> KindTable {
            guard let table = tables.withCode(code) else {
                throw ReplicaError(.corrupt, "a row kept for writing names kind code \(code)")
            }
            return table
        }
        switch row {
        case .created(let position):
            guard let made = created[position] else {
                throw ReplicaError(.corrupt, "a row made in memory was inserted twice")
            }
            keys.append(made.key)
            made.bind(for: try table(made.key.code), into: &bindings)
        case .kept(let key, let stored):
            keys.append(key)
            stored.bind(key.record, for: try table(key.code), into: &bindings)
        }
        ends.append(bindings.parameters.count)
    }
}
