import FaguStore

/// An open conflict as listing commands print it: the record and field, the value shown
/// meanwhile, and every concurrent value with its dot and time.
public struct ConflictListing: Encodable, Sendable {
    /// One concurrent value.
    public struct Entry: Encodable, Sendable {
        /// The value, as text.
        public var value: String
        /// The dot of the write.
        public var dot: String
        /// When it was written.
        public var time: String
    }

    /// The record's kind.
    public var kind: String
    /// The record's id.
    public var record: String
    /// The field in conflict.
    public var field: String
    /// The value every replica shows until someone decides.
    public var shown: String
    /// Every concurrent value.
    public var values: [Entry]

    /// The listing of a conflict.
    public init(_ conflict: OpenConflict) {
        kind = conflict.kind.rawValue
        record = conflict.record.description
        field = conflict.field
        shown = conflict.register.displayed.map { RecordListing.text($0.value) } ?? ""
        values = conflict.register.entries.map {
            Entry(value: RecordListing.text($0.value), dot: $0.dot.description, time: $0.time.description)
        }
    }

    /// Prints `conflicts` as JSON or as a table.
    public static func print(_ conflicts: [ConflictListing], json: Bool, _ language: Language) throws {
        if json { return try JSONOutput.print(conflicts) }
        if conflicts.isEmpty { return Swift.print(language.text(zh: "（没有未决冲突）", en: "(no open conflicts)")) }
        var table = TextTable(headers: [language.text(zh: "记录", en: "record"), language.text(zh: "类型", en: "kind"),
                                        language.text(zh: "字段", en: "field"), language.text(zh: "各方的值", en: "values")])
        for conflict in conflicts {
            table.append([conflict.record, conflict.kind, conflict.field, conflict.values.map(\.value).joined(separator: " / ")])
        }
        Swift.print(table.render())
    }
}
