import FaguModel
import Foundation
import GRDB

extension Replica {
    /// Every change this replica holds to record `id` of `kind`, oldest write first: the
    /// record's whole history, concurrent writes included.
    public func history(of kind: RecordKind, id: RecordID) throws -> [RecordChange] {
        try read { context in
            let table = try context.tables.of(kind)
            let scopes = try Row.fetchAll(context.db, sql: """
                SELECT DISTINCT change_log.scope, scope.name FROM change_log JOIN scope ON scope.idx = change_log.scope
                WHERE change_log.kind = ? AND change_log.record = ?
                """, arguments: [table.code, id.databaseValue])
            var changes: [RecordChange] = []
            for scopeRow in scopes {
                let scope = ScopeID(scopeRow[1] as String)
                let rows = try Row.fetchAll(context.db, sql: """
                    SELECT \(TransactionContext.groupColumns) FROM change_log WHERE scope = ? AND kind = ? AND record = ?
                    """, arguments: [scopeRow[0] as Int, table.code, id.databaseValue])
                for row in rows {
                    let group = try context.group(fromRow: row, scope: scope)
                    for (index, field) in group.fields.enumerated() {
                        changes.append(RecordChange(
                            dot: group.dot(at: index), field: group.setAside == nil ? field.field : "",
                            value: group.setAside == nil ? field.value : nil, supersedes: field.context,
                            writtenAt: group.time, orderedAt: group.orderingTime, author: group.author,
                            setAside: group.setAside?.code))
                    }
                }
            }
            return changes.sorted { ($0.writtenAt, $0.dot) < ($1.writtenAt, $1.dot) }
        }
    }
}
