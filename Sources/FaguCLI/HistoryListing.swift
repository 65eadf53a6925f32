import FaguModel
import FaguStore

/// A record's history as `show --history` prints it: each change with when (Shanghai time),
/// who, on which device, the value written and the values it replaced.
public struct HistoryListing: Encodable, Sendable {
    /// A value a change replaced.
    public struct Replaced: Encodable, Sendable {
        public var dot: String
        public var value: ListedValue?
    }

    public var dot: String
    public var field: String
    public var value: ListedValue?
    public var replaced: [Replaced]
    /// RFC 3339, Shanghai time.
    public var writtenAt: String
    public var author: String
    public var device: String
    /// Whether the value is one of a field's concurrent values now.
    public var inConflict: Bool
    public var setAside: String?

    /// The listing of `changes` (one record's), given the fields now in conflict.
    public static func of(_ changes: [RecordChange], of kind: RecordKind, conflicts: [String: [Dot]]) -> [HistoryListing] {
        let byDot = Dictionary(changes.map { ($0.dot, $0) }, uniquingKeysWith: { first, _ in first })
        return changes.map { change in
            // A change's context may also name the record's creation (so it never arrives
            // first); only earlier values of the same field were replaced.
            let replaced = change.supersedes.filter { byDot[$0].map { $0.field == change.field } ?? true }.map { dot in
                Replaced(dot: dot.description, value: byDot[dot]?.value.map { ListedValue($0, field: change.field, of: kind) })
            }
            return HistoryListing(dot: change.dot.description, field: change.field, value: change.value.map { ListedValue($0, field: change.field, of: kind) },
                           replaced: replaced,
                           writtenAt: ShanghaiTime.rfc3339(change.writtenAt), author: change.author,
                           device: change.dot.origin.description,
                           inConflict: conflicts[change.field]?.contains(change.dot) ?? false, setAside: change.setAside)
        }
    }

    /// The history as a table.
    public static func table(_ history: [HistoryListing], _ language: Language) -> TextTable {
        let column = Catalogue.Column.self
        var table = TextTable(headers: [column.whenInShanghai, column.who, column.device, column.field, column.newValue,
                                        column.replaced].map(language.text))
        table.maxCellWidth = 40
        for entry in history {
            let when = ShanghaiTime.display(entry.writtenAt)
            let value = entry.setAside.map { language.text(Catalogue.setAside($0)) }
                ?? ((entry.value?.text ?? "") + (entry.inConflict ? language.text(Catalogue.inConflictMark) : ""))
            let replaced = entry.replaced.map { $0.value?.text ?? "?" }.joined(separator: " / ")
            table.append([when, entry.author, String(entry.device.prefix(8)), entry.field, value, replaced])
        }
        return table
    }
}
