import FaguModel
import Foundation

/// Up to ``rowsPerPart`` rows bound for their tables' inserts, in the order to insert them:
/// one part of the rows a large batch inserts at its end (``preparing(_:created:tables:)``
/// binds them on a thread of its own while the applying thread inserts the parts before).
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

    /// The most rows a part holds (enough that handing a part over costs little per row,
    /// few enough that the first part is ready at once).
    static let rowsPerPart = 256

    /// From this many rows, binding them on another thread gains more than it costs.
    static let threadedFrom = 4_096

    /// The parameters of row `index` of this part.
    func parameters(of index: Int) -> Range<Int> { (index == 0 ? 0 : ends[index - 1])..<ends[index] }

    /// The parts of `rows`, in order, bound on a thread of their own from the rows made in
    /// memory in `created` and the kept rows given; each row is freed there once bound.
    ///
    /// The hand-off fails with `corrupt` if a row names a kind code the replica lacks.
    static func preparing(_ rows: consuming [Row], created: consuming [TransactionContext.CreatedRow?],
                          tables: KindTables) -> HandOff<PreparedInserts, ReplicaError> {
        let handOff = HandOff<PreparedInserts, ReplicaError>()
        let rows = consume rows
        let made = MadeRows(consume created)
        Thread.detachNewThread {
            do throws(ReplicaError) {
                var part = PreparedInserts()
                for row in rows {
                    try part.append(row, taking: made, tables: tables)
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

    /// The rows made in memory, held by the binding thread alone, which takes each out as it
    /// binds it: freed one by one, they are not held twice over, as rows and as bound parts.
    private final class MadeRows: @unchecked Sendable {
        var rows: [TransactionContext.CreatedRow?]
        init(_ rows: consuming [TransactionContext.CreatedRow?]) { self.rows = consume rows }
    }

    private mutating func append(_ row: Row, taking made: MadeRows, tables: KindTables) throws(ReplicaError) {
        func table(_ code: Int) throws(ReplicaError) -> KindTable {
            guard let table = tables.withCode(code) else {
                throw ReplicaError(.corrupt, "a row kept for writing names kind code \(code)")
            }
            return table
        }
        switch row {
        case .created(let position):
            guard let created = made.rows[position].take() else {
                throw ReplicaError(.corrupt, "a row made in memory was inserted twice")
            }
            keys.append(created.key)
            created.bind(for: try table(created.key.code), into: &bindings)
        case .kept(let key, let stored):
            keys.append(key)
            stored.bind(key.record, for: try table(key.code), into: &bindings)
        }
        ends.append(bindings.parameters.count)
    }
}
