import FaguModel

/// A note the adviser added on `date` to a ``LegalCase``.
public struct CaseNote: LoggedWork {
    public static let kind = RecordKind.caseNote
    public static let recordFields: [RecordField<CaseNote>] = headerFields + [.text("case_id", \.caseID, .reference, immutable: true),
                                                                                   .text("note", \.note)]

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

    public init(blank id: RecordID) { self.init(id: id, communityID: "", adviserID: "", date: "", caseID: "", note: "") }
}
