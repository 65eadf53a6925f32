import FaguModel

/// A note the adviser added on `date` to a ``LegalCase``.
public struct CaseNote: TypedRecord {
    public static let kind = RecordKind.caseNote

    /// The record's id (UUIDv7).
    public var id: RecordID
    /// The community the case belongs to (the record's scope).
    public var communityID: String
    /// The adviser who wrote the note.
    public var adviserID: String
    /// The day of the note, `YYYY-MM-DD`.
    public var date: String
    /// The case the note belongs to (fixed once the note exists).
    public var caseID: String
    /// The note's text.
    public var note: String

    /// A case note from its parts.
    public init(id: RecordID, communityID: String, adviserID: String, date: String, caseID: String, note: String) {
        self.id = id
        self.communityID = communityID
        self.adviserID = adviserID
        self.date = date
        self.caseID = caseID
        self.note = note
    }

    public init(id: RecordID, fieldValues: [String: FieldValue]) throws(RecordDecodingError) {
        let read = FieldReader(kind: Self.kind, id: id, values: fieldValues)
        self.init(id: id, communityID: try read.text("community_id"), adviserID: try read.text("adviser_id"),
                  date: try read.text("date"), caseID: try read.text("case_id"), note: try read.text("note"))
    }

    public var fieldValues: [String: FieldValue] {
        [
            "community_id": .text(communityID), "adviser_id": .text(adviserID),
            "date": .text(date), "case_id": .text(caseID), "note": .text(note),
        ]
    }
}
