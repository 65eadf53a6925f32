import FaguModel

/// 参与纠纷调解: a dispute mediation the adviser joined on `date`.
public struct Mediation: TypedRecord {
    public static let kind = RecordKind.mediation

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

    public init(id: RecordID, fieldValues: [String: FieldValue]) throws(RecordDecodingError) {
        let read = FieldReader(kind: Self.kind, id: id, values: fieldValues)
        self.init(id: id, communityID: try read.text("community_id"), adviserID: try read.text("adviser_id"),
                  date: try read.text("date"), category: try read.text("category"), summary: try read.text("summary"),
                  outcome: try read.optionalText("outcome"))
    }

    public var fieldValues: [String: FieldValue] {
        var values: [String: FieldValue] = [
            "community_id": .text(communityID), "adviser_id": .text(adviserID),
            "date": .text(date), "category": .text(category), "summary": .text(summary),
        ]
        if let outcome { values["outcome"] = .text(outcome) }
        return values
    }
}
