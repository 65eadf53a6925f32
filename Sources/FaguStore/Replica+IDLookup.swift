import FaguModel
import Foundation
import GRDB

extension Replica {
    /// The records whose id, as printed (`01a21ca2-671b-…` or a code), starts with `fragment`
    /// — or, when none does, ends with it — at most `limit + 1` of them, in id order. Hyphens
    /// in `fragment` are ignored for UUIDs, so `01a21ca2671b` and `01a21ca2-671b` match alike.
    public func records(withIDMatching fragment: String, limit: Int = 10) throws -> [(kind: RecordKind, id: RecordID)] {
        let text = fragment.trimmingCharacters(in: .whitespaces).lowercased()
        let hex = text.filter { $0 != "-" }
        let isHex = !hex.isEmpty && hex.allSatisfy(\.isHexDigit)
        // Whole bytes compare as blobs: a prefix is a key range, a suffix a comparison of the
        // id's last bytes; an odd digit count falls back to comparing hex text.
        let bytes: Data? = isHex && hex.count % 2 == 0
            ? Data(stride(from: 0, to: hex.count, by: 2).map { offset in
                let start = hex.index(hex.startIndex, offsetBy: offset)
                return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
            })
            : nil
        return try read { context in
            for suffix in [false, true] {
                var found: [(kind: RecordKind, id: RecordID)] = []
                for kind in schema.kinds {
                    let table = try context.tables.of(kind).quotedTable
                    // UUIDs are stored as blobs, codes (c01, a017) as text; SQLite orders every
                    // text before every blob, so `id >= '' AND id < x''` is the codes' key range.
                    var queries: [(sql: String, arguments: [DatabaseValue])] = [
                        ("SELECT id FROM \(table) WHERE id >= '' AND id < x'' AND id LIKE ? LIMIT ?",
                         [(suffix ? "%" + text : text + "%").databaseValue]),
                    ]
                    if let bytes {
                        if suffix {
                            // No ORDER BY: SQLite may then read a covering index, smaller than the table.
                            queries.append(("SELECT id FROM \(table) WHERE substr(id, -\(bytes.count)) = ? LIMIT ?", [bytes.databaseValue]))
                        } else {
                            // The ids from `bytes` up to (not including) the next prefix of that length.
                            var upper = [UInt8](bytes)
                            while let last = upper.last, last == 0xFF { upper.removeLast() }
                            if upper.isEmpty {
                                queries.append(("SELECT id FROM \(table) WHERE id >= ? LIMIT ?", [bytes.databaseValue]))
                            } else {
                                upper[upper.count - 1] += 1
                                queries.append(("SELECT id FROM \(table) WHERE id >= ? AND id < ? LIMIT ?",
                                                [bytes.databaseValue, Data(upper).databaseValue]))
                            }
                        }
                    } else if isHex {
                        queries.append(("SELECT id FROM \(table) WHERE id >= x'' AND lower(hex(id)) LIKE ? LIMIT ?",
                                        [(suffix ? "%" + hex : hex + "%").databaseValue]))
                    }
                    for query in queries {
                        let statement = try context.db.cachedStatement(sql: query.sql)
                        try statement.forEachRowDirect(query.arguments + [(limit + 1).databaseValue]) { row in
                            if let id = row.record(at: 0) { found.append((kind, id)) }
                        }
                    }
                }
                if !found.isEmpty { return Array(found.sorted { $0.id < $1.id }.prefix(limit + 1)) }
            }
            return []
        }
    }
}
