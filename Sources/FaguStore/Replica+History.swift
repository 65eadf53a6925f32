import FaguModel
import Foundation
import GRDB

extension Replica {
    /// Every change this replica holds to record `id` of `kind`, oldest write first: the
    /// record's whole history, concurrent writes included.
    public func history(of kind: RecordKind, id: RecordID) throws -> [RecordChange] {
        try read { context in
            let table = try context.tables.of(kind)
            // One pass over the log: the rows of this record, each led by its scope's name,
            // which the adapter hides from the group's columns.
            let rows = try Row.fetchAll(context.db, sql: """
                SELECT scope.name, \(TransactionContext.groupColumns) FROM change_log JOIN scope ON scope.idx = change_log.scope
                WHERE change_log.kind = ? AND change_log.record = ?
                """, arguments: [table.code, id.databaseValue], adapter: SuffixRowAdapter(fromIndex: 1))
            var changes: [RecordChange] = []
            for row in rows {
                let group = try context.group(fromRow: row, scope: ScopeID(row.unadapted[0] as String))
                for (index, field) in group.fields.enumerated() {
                    changes.append(RecordChange(
                        dot: group.dot(at: index), field: group.setAside == nil ? field.field : "",
                        value: group.setAside == nil ? field.value : nil, supersedes: field.context,
                        writtenAt: group.time, orderedAt: group.orderingTime, author: group.author,
                        setAside: group.setAside?.code))
                }
            }
            return changes.sorted { ($0.writtenAt, $0.dot) < ($1.writtenAt, $1.dot) }
        }
    }
}
