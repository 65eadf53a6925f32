import FaguModel
import Foundation
import GRDB

extension Replica {
    /// The records whose id, as printed (`01a21ca2-671b-…` or a code), starts with `fragment`
    /// — or, when none does, ends with it — at most `limit` of them, in id order. Hyphens in
    /// `fragment` are ignored for UUIDs, so `01a21ca2671b` and `01a21ca2-671b` match alike.
    public func records(withIDMatching fragment: String, limit: Int = 10) throws -> [(kind: RecordKind, id: RecordID)] {
        let text = fragment.trimmingCharacters(in: .whitespaces).lowercased()
        let hex = text.filter { $0 != "-" }
        let isHex = !hex.isEmpty && hex.allSatisfy(\.isHexDigit)
        return try read { context in
            for pattern in [(hex + "%", text + "%"), ("%" + hex, "%" + text)] {
                var found: [(kind: RecordKind, id: RecordID)] = []
                for kind in schema.kinds {
                    let table = try context.tables.of(kind)
                    let statement = try context.db.cachedStatement(sql: """
                        SELECT id FROM \(table.quotedTable)
                        WHERE (typeof(id) = 'blob' AND ? AND lower(hex(id)) LIKE ?) OR (typeof(id) = 'text' AND id LIKE ?)
                        ORDER BY id LIMIT ?
                        """)
                    try statement.forEachRowDirect([isHex.databaseValue, pattern.0.databaseValue, pattern.1.databaseValue,
                                                    (limit + 1).databaseValue], columns: 1) { row in
                        if let id = RecordID(row[0]) { found.append((kind, id)) }
                    }
                }
                if !found.isEmpty { return Array(found.sorted { $0.id < $1.id }.prefix(limit + 1)) }
            }
            return []
        }
    }
}
