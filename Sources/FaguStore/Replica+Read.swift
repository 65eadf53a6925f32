import FaguMerge
import Foundation
import FaguModel
import GRDB

extension Replica {
    /// The record `id` of `kind`, or nil when this replica does not hold it.
    public func record(_ kind: RecordKind, id: RecordID) throws -> StoredRecord? {
        try read { context in
            let table = try context.tables.of(kind)
            guard let row = try context.row(table, id) else { return nil }
            return try context.storedRecord(table, id, row)
        }
    }

    /// The typed record `id`, or nil when this replica does not hold it.
    ///
    /// - Throws: when the record is held but lacks a required field — which no replica can
    ///   hold, since an update waits for its record's creation — rather than hiding it.
    public func fetch<R: TypedRecord>(_ type: R.Type, id: RecordID) throws -> R? {
        guard let stored = try record(R.kind, id: id) else { return nil }
        return try stored.typed(as: R.self)
    }

    /// Every record of `R`'s kind whose `field` displays `value` (all when `field` is nil), typed.
    ///
    /// - Throws: when a record held lacks a required field, rather than skipping it.
    public func typedRecords<R: TypedRecord>(_ type: R.Type, where field: String? = nil, is value: FieldValue? = nil) throws -> [R] {
        try records(R.kind, where: field, is: value).map { try $0.typed(as: R.self) }
    }

    /// Every open conflict, in canonical order.
    public func openConflicts() throws -> [OpenConflict] {
        try read { context in
            let keys = try Row.fetchAll(context.db, sql: "SELECT DISTINCT kind, record, field FROM conflict ORDER BY kind, record, field")
            return try keys.compactMap { key -> OpenConflict? in
                guard let table = context.tables.withCode(key[0]), let id = RecordID(key[1] as DatabaseValue),
                      let row = try context.row(table, id) else {
                    throw ReplicaError(.corrupt, "a conflict row names a missing record")
                }
                let field: Int = key[2]
                let register = try context.register(table, id, field: field, in: row)
                // Each writer from its change-log row: a primary-key lookup per value.
                let scope = table.kind.fixedScope ?? ScopeID(table.scopeFieldIndex.flatMap { String.fromDatabaseValue(row.values[$0]) } ?? "")
                var authors: [Dot: String] = [:]
                if let scopeNumber = context.existingNumber(of: scope) {
                    for entry in register.entries {
                        guard let origin = context.originNumbers[entry.dot.origin] else { continue }
                        authors[entry.dot] = try context.heldGroup(scope: scopeNumber, origin: origin, holding: entry.dot.counter)?.author
                    }
                }
                return OpenConflict(kind: table.kind, record: id, field: table.fields[field].name, register: register,
                                    authors: authors)
            }
        }
    }

    /// The canonical SHA-256 digest of this replica's state in `scopes`: equal on two
    /// replicas exactly when they hold the same current values, conflicts included.
    public func digest(scopes: [ScopeID]) throws -> String {
        try read { context in
            var digest = StateDigest()
            for scope in Set(scopes).sorted() {
                let kinds = context.tables.schema.kinds(in: scope).sorted { $0.rawValue < $1.rawValue }
                for kind in kinds {
                    let table = try context.tables.of(kind)
                    let columns = table.fields.map { "\"\($0.name)\"" }.joined(separator: ", ")
                    let filter = table.kind.scopeField.map { "WHERE \"\($0)\" = ?" } ?? ""
                    let arguments: StatementArguments = table.scopeFieldIndex == nil ? [] : [scope.name]
                    let rows = try Row.fetchCursor(context.db.cachedStatement(
                        sql: "SELECT \(columns), _clock, id FROM \(table.quotedTable) \(filter) ORDER BY id"), arguments: arguments)
                    let byName = table.fields.indices.sorted { table.fields[$0].name < table.fields[$1].name }
                    while let row = try rows.next() {
                        let count = table.fields.count
                        guard let id = RecordID(row[count + 1] as DatabaseValue),
                              let clock = RowClock(decoding: [UInt8](row[count] as Data), fieldCount: count) else {
                            throw ReplicaError(.corrupt, "an unreadable \(kind.rawValue) row")
                        }
                        let stored = TransactionContext.StoredRow(values: (0..<count).map { row[$0] }, clock: clock)
                        for field in byName where !clock.fields[field].isEmpty {
                            digest.feed(scope: scope, kind: kind, record: id, field: table.fields[field].name,
                                        register: try context.register(table, id, field: field, in: stored))
                        }
                    }
                }
            }
            return digest.finalize()
        }
    }
}

extension TransactionContext {
    /// A stored row as a ``StoredRecord``.
    func storedRecord(_ table: KindTable, _ id: RecordID, _ row: StoredRow) throws -> StoredRecord {
        // Sized once: a record's handful of fields would otherwise regrow the table twice or thrice.
        var fields = [String: FieldValue](minimumCapacity: table.fields.count)
        var written = WrittenEntries()
        written.singles.reserveCapacity(table.fields.count)
        for (index, spec) in table.fields.enumerated() {
            let entries = row.clock.fields[index]
            if entries.count == 1 {
                // A field written once: its entry, with no register built unless asked for.
                let entry = try singleEntry(table, id, field: index, in: row)
                if !entry.value.isNull { fields[spec.name] = entry.value }
                written.singles.append(WrittenEntries.Single(field: spec.name, entry: entry))
            } else if !entries.isEmpty {
                let register = try register(table, id, field: index, in: row)
                if let displayed = register.displayed, !displayed.value.isNull { fields[spec.name] = displayed.value }
                written.conflicts[spec.name] = register
            }
        }
        let scope: ScopeID = table.kind.fixedScope
            ?? ScopeID(table.scopeFieldIndex.flatMap { String.fromDatabaseValue(row.values[$0]) } ?? "")
        return StoredRecord(kind: table.kind, id: id, scope: scope, fields: fields, written: written)
    }
}

extension Replica {
    /// Every record of `kind` this replica holds, in id order (time order for v7 ids),
    /// optionally only those of one community.
    public func records(_ kind: RecordKind, community: String? = nil) throws -> [StoredRecord] {
        try records(kind, where: community == nil ? nil : kind.scopeField, is: community.map(FieldValue.text))
    }

    /// Every record of `kind` whose `field` displays `value` (all of them when `field` is
    /// nil), in id order.
    ///
    /// - Throws: ``ReplicaError`` when the kind has no such field.
    public func records(_ kind: RecordKind, where field: String?, is value: FieldValue?) throws -> [StoredRecord] {
        try records(kind, matching: RecordFilter(equal: field.map { [$0: value ?? .null] } ?? [:]))
    }

    /// Every record of `kind` that `filter` admits, in id order: one query, only matching
    /// rows decoded.
    ///
    /// - Throws: ``ReplicaError`` when the kind lacks a field the filter names.
    public func records(_ kind: RecordKind, matching filter: RecordFilter) throws -> [StoredRecord] {
        try read { context in
            let table = try context.tables.of(kind)
            for field in Array(filter.equal.keys) + Array(filter.prefix.keys) where table.index(of: field) == nil {
                throw ReplicaError(.unknownField, "\(kind.rawValue) has no field \(field)")
            }
            // Values, clock and id of every matching row; only a field in conflict reads its
            // entries from the conflict table.
            let equal = filter.equal.sorted { $0.key < $1.key }, prefix = filter.prefix.sorted { $0.key < $1.key }
            let conditions = equal.map { "\"\($0.key)\" = ?" }
                + prefix.map { "substr(\"\($0.key)\", 1, \($0.value.utf8.count)) = ?" }
            let arguments = equal.map(\.value.databaseValue) + prefix.map { $0.value.databaseValue }
            let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            let count = table.fields.count
            let statement = try context.db.cachedStatement(
                sql: "SELECT \(table.quotedColumnList), _clock, id FROM \(table.quotedTable)\(whereClause) ORDER BY id")
            var records: [StoredRecord] = []
            try statement.forEachRowDirect(arguments) { row in
                guard let id = row.record(at: count + 1), let blob = row.blob(at: count),
                      let clock = RowClock(decoding: blob, fieldCount: count) else {
                    throw ReplicaError(.corrupt, "an unreadable \(kind.rawValue) row")
                }
                let values = (0..<count).map { row.value(at: $0) }
                records.append(try context.storedRecord(table, id, TransactionContext.StoredRow(values: values, clock: clock)))
            }
            return records
        }
    }
}
