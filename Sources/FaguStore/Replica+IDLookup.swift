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
                    let table = try context.tables.of(kind)
                    let uuidCondition: String
                    var arguments: [DatabaseValue] = []
                    if let bytes {
                        if suffix {
                            uuidCondition = "substr(id, -\(bytes.count)) = ?"
                            arguments.append(bytes.databaseValue)
                        } else {
                            // The ids from `bytes` up to (not including) the next prefix of that length.
                            var upper = [UInt8](bytes)
                            while let last = upper.last, last == 0xFF { upper.removeLast() }
                            if upper.isEmpty {
                                uuidCondition = "id >= ?"
                                arguments.append(bytes.databaseValue)
                            } else {
                                upper[upper.count - 1] += 1
                                uuidCondition = "id >= ? AND id < ?"
                                arguments += [bytes.databaseValue, Data(upper).databaseValue]
                            }
                        }
                    } else {
                        uuidCondition = "? AND lower(hex(id)) LIKE ?"
                        arguments += [isHex.databaseValue, (suffix ? "%" + hex : hex + "%").databaseValue]
                    }
                    arguments += [(suffix ? "%" + text : text + "%").databaseValue, (limit + 1).databaseValue]
                    let statement = try context.db.cachedStatement(sql: """
                        SELECT id FROM \(table.quotedTable)
                        WHERE (typeof(id) = 'blob' AND \(uuidCondition)) OR (typeof(id) = 'text' AND id LIKE ?)
                        ORDER BY id LIMIT ?
                        """)
                    try statement.forEachRowDirect(arguments, columns: 1) { row in
                        if let id = RecordID(row[0]) { found.append((kind, id)) }
                    }
                }
                if !found.isEmpty { return Array(found.sorted { $0.id < $1.id }.prefix(limit + 1)) }
            }
            return []
        }
    }
}
