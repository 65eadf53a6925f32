import FaguModel

/// 参与纠纷调解: a dispute mediation the adviser joined on `date`.
public struct Mediation: LoggedWork {
    public static let kind = RecordKind.mediation
    public static let recordFields: [RecordField<Mediation>] = headerFields + [.text("category", \.category), .text("summary", \.summary),
                                                                                    .optionalText("outcome", \.outcome)]

    /// The record's id (UUIDv7).
    public var id: RecordID
    /// The community where the dispute arose (the record's scope).
    public var communityID: String
    /// The adviser who took part.
    public var adviserID: String
    /// The day of the mediation, `YYYY-MM-DD`.
    public var date: String
    /// The kind of dispute (e.g. 邻里纠纷, 婚姻家庭).
    public var category: String
    /// What the dispute was about.
    public var summary: String
    /// How it ended, once known.
    public var outcome: String?

    /// A mediation from its parts.
    public init(id: RecordID, communityID: String, adviserID: String, date: String, category: String, summary: String,
                outcome: String? = nil) {
        self.id = id
        self.communityID = communityID
        self.adviserID = adviserID
        self.date = date
        self.category = category
        self.summary = summary
        self.outcome = outcome
    }

    public init(blank id: RecordID) { self.init(id: id, communityID: "", adviserID: "", date: "", category: "", summary: "") }
}
