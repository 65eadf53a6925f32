import FaguModel

/// 事项报告: a brewing mass dispute or other major matter the adviser found on `date` and
/// reported at once.
public struct IncidentReport: TypedRecord {
    public static let kind = RecordKind.incident

    /// What kind of matter was reported.
    public enum Level: String, Sendable, Hashable, CaseIterable {
        /// 重大事项: a major matter.
        case major
        /// 群体性纠纷: a brewing mass dispute.
        case mass
    }

    /// The record's id (UUIDv7).
    public var id: RecordID
    /// The community where the matter arose (the record's scope).
    public var communityID: String
    /// The adviser who reported it.
    public var adviserID: String
    /// The day it was reported, `YYYY-MM-DD`.
    public var date: String
    /// A major matter or a mass dispute.
    public var level: Level
    /// What is happening.
    public var summary: String

    /// An incident report from its parts.
    public init(id: RecordID, communityID: String, adviserID: String, date: String, level: Level, summary: String) {
        self.id = id
        self.communityID = communityID
        self.adviserID = adviserID
        self.date = date
        self.level = level
        self.summary = summary
    }

    public init(id: RecordID, fieldValues: [String: FieldValue]) throws(RecordDecodingError) {
        let read = FieldReader(kind: Self.kind, id: id, values: fieldValues)
        self.init(id: id, communityID: try read.text("community_id"), adviserID: try read.text("adviser_id"),
                  date: try read.text("date"), level: try read.choice("level", as: Level.self),
                  summary: try read.text("summary"))
    }

    public var fieldValues: [String: FieldValue] {
        [
            "community_id": .text(communityID), "adviser_id": .text(adviserID),
            "date": .text(date), "level": .text(level.rawValue), "summary": .text(summary),
        ]
    }
}
