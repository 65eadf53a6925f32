import FaguStore

/// An open conflict as listing commands print it: the record and field, the value shown
/// meanwhile, and every concurrent value with its dot and time.
public struct ConflictListing: Encodable, Sendable {
    /// One concurrent value.
    public struct Entry: Encodable, Sendable {
        /// Its number, for `fagu resolve … --value N`.
        public var number: Int
        /// The value (a number as a number).
        public var value: ListedValue
        /// The dot of the write.
        public var dot: String
        /// The device (replica id) that wrote it.
        public var device: String
        /// Who wrote it: an adviser's code, `office:c01`, `hub` (nil when this replica no
        /// longer holds the write's log row).
        public var author: String?
        /// When it was written (RFC 3339, Shanghai time).
        public var time: String
    }

    /// The record's kind.
    public var kind: String
    /// The record's id.
    public var record: String
    /// The field in conflict.
    public var field: String
    /// The value every replica shows until someone decides.
    public var shown: ListedValue?
    /// Every concurrent value.
    public var values: [Entry]

    /// The listing of a conflict.
    public init(_ conflict: OpenConflict) {
        kind = conflict.kind.rawValue
        record = conflict.record.description
        field = conflict.field
        shown = conflict.register.displayed.map { ListedValue($0.value, field: conflict.field, of: conflict.kind) }
        values = conflict.register.entries.enumerated().map { index, entry in
            Entry(number: index + 1, value: ListedValue(entry.value, field: conflict.field, of: conflict.kind), dot: entry.dot.description,
                  device: entry.dot.origin.description, author: conflict.authors[entry.dot], time: ShanghaiTime.rfc3339(entry.time))
        }
    }

    /// The open conflicts of `replica`, each with its writers.
    public static func all(in replica: Replica) throws -> [ConflictListing] {
        try replica.openConflicts().map(ConflictListing.init)
    }

    /// Prints `conflicts` as JSON or as a table.
    public static func print(_ conflicts: [ConflictListing], json: Bool, _ language: Language) throws {
        if json { return try JSONOutput.print(conflicts) }
        if conflicts.isEmpty { return Swift.print(language.text(Catalogue.noOpenConflicts)) }
        let column = Catalogue.Column.self
        var table = TextTable(headers: [column.record, column.kind, column.field, column.values, column.whoWhenDevice]
            .map(language.text))
        for conflict in conflicts {
            for entry in conflict.values {
                // Who, when and where: the author, the Shanghai time, the writing device's id.
                let time = ShanghaiTime.display(entry.time)
                let who = "\(entry.author ?? "?") · \(time) · " + entry.device.prefix(8)
                let first = entry.number == 1
                table.append([first ? conflict.record : "", first ? conflict.kind : "", first ? conflict.field : "",
                              "\(entry.number). \(entry.value.text)" + (entry.value.text == conflict.shown?.text ? " ←" : ""), who])
            }
        }
        Swift.print(table.render())
        Swift.print(language.text(Catalogue.conflictLegend))
    }
}
