import FaguModel

/// 解答法律咨询: a legal question the adviser answered on `date`, or a hard one still to be
/// answered by `due` (R5).
public struct Consultation: LoggedWork {
    public static let kind = RecordKind.consultation
    public static let recordFields: [RecordField<Consultation>] = headerFields + [
        .text("topic", \.topic), .text("question", \.question), .optionalText("answer", \.answer), .flag("hard", \.hard),
        .optionalText("due", \.due, .date)]

    /// The record's id (UUIDv7).
    public var id: RecordID
    /// The community where the question was asked (the record's scope).
    public var communityID: String
    /// The adviser who took the question.
    public var adviserID: String
    /// The day the question was asked, `YYYY-MM-DD`.
    public var date: String
    /// What the question is about (e.g. 婚姻家庭, 劳动争议).
    public var topic: String
    /// The question as asked.
    public var question: String
    /// The answer given, once there is one.
    public var answer: String?
    /// 疑难咨询: whether the question is hard and needs a considered answer by `due`.
    public var hard: Bool
    /// The day a hard question must be answered by, `YYYY-MM-DD`.
    public var due: String?

    /// A consultation from its parts.
    public init(id: RecordID, communityID: String, adviserID: String, date: String, topic: String, question: String,
                answer: String? = nil, hard: Bool = false, due: String? = nil) {
        self.id = id
        self.communityID = communityID
        self.adviserID = adviserID
        self.date = date
        self.topic = topic
        self.question = question
        self.answer = answer
        self.hard = hard
        self.due = due
    }

    public init(blank id: RecordID) { self.init(id: id, communityID: "", adviserID: "", date: "", topic: "", question: "") }
}
