import FaguDomain
import FaguModel
import FaguStore

/// A stored record as listing commands print it: id, kind, community, date, a one-line
/// summary, every field as text, and the fields in conflict.
public struct RecordListing: Encodable, Sendable {
    /// The record's id.
    public var id: String
    /// The record's kind.
    public var kind: String
    /// Its community, for community records.
    public var community: String?
    /// Its date (or start date).
    public var date: String?
    /// One line for tables.
    public var summary: String
    /// Every field shown (numbers as numbers in JSON).
    public var fields: [String: ListedValue]
    /// Fields with an open conflict.
    public var conflicts: [String]

    /// The listing of a stored record.
    public init(_ record: StoredRecord) {
        id = record.id.description
        kind = record.kind.rawValue
        community = record.fields["community_id"]?.text
        date = record.fields["date"]?.text ?? record.fields["start"]?.text
        let first = ["title", "summary", "question", "topic", "note", "name"].lazy.compactMap { record.fields[$0]?.text }.first
        var line = first ?? ""
        // A consultation or mediation says its category first, by its Chinese name.
        if let category = (record.fields["topic"] ?? record.fields["category"])?.text, record.kind != .lecture {
            line = ConsultationTopic.name(of: category) + "：" + line
        }
        if record.fields["hard"] == .integer(1) {
            line = (record.fields["answer"] == nil ? "【疑难，\(record.fields["due"]?.text ?? "")前答复】" : "【疑难，已答复】") + line
        }
        if let level = record.fields["level"]?.text, record.kind == .incident { line = (level == "mass" ? "【群体性】" : "【重大】") + line }
        if let status = record.fields["status"]?.text { line = "[\(status)] " + line }
        if let hours = record.fields["hours"] { line = RecordListing.text(hours) + "h " + line }
        summary = line
        fields = Dictionary(uniqueKeysWithValues: record.fields.map { ($0.key, ListedValue($0.value, field: $0.key, of: record.kind)) })
        conflicts = record.conflicts.keys.sorted()
    }

    /// A value as text.
    public static func text(_ value: FieldValue) -> String {
        switch value {
        case .null: ""
        case .integer(let integer): "\(integer)"
        case .real(let real): real == real.rounded() ? String(Int64(real)) : "\(real)"
        case .text(let text): text
        }
    }

    /// A table of listings.
    public static func table(_ listings: [RecordListing], _ language: Language) -> TextTable {
        let column = Catalogue.Column.self
        var table = TextTable(headers: [column.id, column.kind, column.community, column.date, column.summary].map(language.text))
        table.maxCellWidth = 48
        // Incident reports first: they are what must not wait.
        let ordered = listings.filter { $0.kind == RecordKind.incident.rawValue } + listings.filter { $0.kind != RecordKind.incident.rawValue }
        for listing in ordered {
            // A short id: its last 8 characters, which any command accepts (a unique suffix).
            let kind = RecordKind(rawValue: listing.kind).map { language.text(Catalogue.kindName($0)) } ?? listing.kind
            table.append([String(listing.id.suffix(8)), kind, listing.community ?? "", listing.date ?? "",
                          (listing.conflicts.isEmpty ? "" : "⚠ ") + listing.summary])
        }
        return table
    }
}
