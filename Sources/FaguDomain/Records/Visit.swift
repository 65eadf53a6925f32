import FaguModel

/// A visit on site: the adviser was at the community on `date` for `hours` (R3: at least
/// once a month, at least 6 hours).
public struct Visit: LoggedWork {
    public static let kind = RecordKind.visit
    public static let recordFields: [RecordField<Visit>] = headerFields + [.real("hours", \.hours), .optionalText("note", \.note)]

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

    public init(blank id: RecordID) { self.init(id: id, communityID: "", adviserID: "", date: "", hours: 0) }
}
