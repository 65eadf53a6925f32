import FaguModel

/// A visit on site: the adviser was at the community on `date` for `hours` (R3: at least
/// once a month, at least 6 hours).
public struct Visit: TypedRecord {
    public static let kind = RecordKind.visit

    /// The record's id (UUIDv7).
    public var id: RecordID
    /// The community visited (the record's scope).
    public var communityID: String
    /// The adviser who visited.
    public var adviserID: String
    /// The day of the visit, `YYYY-MM-DD`.
    public var date: String
    /// Hours spent on site.
    public var hours: Double
    /// A free note.
    public var note: String?

    /// A visit from its parts.
    public init(id: RecordID, communityID: String, adviserID: String, date: String, hours: Double, note: String? = nil) {
        self.id = id
        self.communityID = communityID
        self.adviserID = adviserID
        self.date = date
        self.hours = hours
        self.note = note
    }

    public init(id: RecordID, fieldValues: [String: FieldValue]) throws(RecordDecodingError) {
        let read = FieldReader(kind: Self.kind, id: id, values: fieldValues)
        self.init(id: id, communityID: try read.text("community_id"), adviserID: try read.text("adviser_id"),
                  date: try read.text("date"), hours: try read.real("hours"), note: try read.optionalText("note"))
    }

    public var fieldValues: [String: FieldValue] {
        var values: [String: FieldValue] = [
            "community_id": .text(communityID), "adviser_id": .text(adviserID),
            "date": .text(date), "hours": .real(hours),
        ]
        if let note { values["note"] = .text(note) }
        return values
    }
}
