import FaguModel
import Foundation
import GRDB

extension Replica {
    /// Every change this replica holds to record `id` of `kind`, oldest write first: the
    /// record's whole history, concurrent writes included.
    public func history(of kind: RecordKind, id: RecordID) throws -> [RecordChange] {
        try read { context in
            let table = try context.tables.of(kind)
            let scopes = Dictionary(uniqueKeysWithValues: context.knownScopes.compactMap { scope in
                context.existingNumber(of: scope).map { ($0, scope) }
            })
            // One pass over the log, keeping this record's groups.
            var groups: [ChangeGroup] = []
            try context.forEachLoggedRun { scopeNumber, origin, first, entries, _ in
                guard let entries, let scope = scopes[scopeNumber] else {
                    throw ReplicaError(.corrupt, "the change-log run of origin \(origin) from \(first) is unreadable")
                }
                for entry in entries where entry.kindCode == table.code && entry.record == id {
                    groups.append(try context.group(from: entry, origin: origin, scope: scope))
                }
            }
            var changes: [RecordChange] = []
            for group in groups {
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
