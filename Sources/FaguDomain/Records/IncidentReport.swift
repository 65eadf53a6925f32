import FaguModel

/// 事项报告: a brewing mass dispute or other major matter the adviser found on `date` and
/// reported at once.
public struct IncidentReport: LoggedWork {
    public static let kind = RecordKind.incident
    public static let recordFields: [RecordField<IncidentReport>] = headerFields + [.choice("level", \.level), .text("summary", \.summary)]

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

    public init(blank id: RecordID) { self.init(id: id, communityID: "", adviserID: "", date: "", level: .major, summary: "") }
}
