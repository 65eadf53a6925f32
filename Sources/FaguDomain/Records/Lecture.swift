import FaguModel

/// 法治讲座: a lecture on the law the adviser gave in the community on `date` (R4).
public struct Lecture: LoggedWork {
    public static let kind = RecordKind.lecture
    public static let recordFields: [RecordField<Lecture>] = headerFields + [.text("topic", \.topic), .integer("attendees", \.attendees)]

    /// The record's id (UUIDv7).
    public var id: RecordID
    /// The community where the lecture was given (the record's scope).
    public var communityID: String
    /// The adviser who gave it.
    public var adviserID: String
    /// The day of the lecture, `YYYY-MM-DD`.
    public var date: String
    /// What the lecture was about.
    public var topic: String
    /// How many people attended.
    public var attendees: Int64

    /// A lecture from its parts.
    public init(id: RecordID, communityID: String, adviserID: String, date: String, topic: String, attendees: Int64) {
        self.id = id
        self.communityID = communityID
        self.adviserID = adviserID
        self.date = date
        self.topic = topic
        self.attendees = attendees
    }

    public init(blank id: RecordID) { self.init(id: id, communityID: "", adviserID: "", date: "", topic: "", attendees: 0) }
}
