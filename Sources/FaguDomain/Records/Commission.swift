import FaguModel

/// 接受法律服务委托: legal work the adviser took on for the community or a resident on
/// `date`: a document drafted, or litigation.
public struct Commission: LoggedWork {
    public static let kind = RecordKind.commission
    public static let recordFields: [RecordField<Commission>] = headerFields + [.choice("kind", \.kind), .text("summary", \.summary)]

    /// What kind of work was taken on.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// 代写法律文书: a legal document drafted.
        case document
        /// 代理诉讼: litigation taken on.
        case litigation
    }

    /// The record's id (UUIDv7).
    public var id: RecordID
    /// The community the work was done for (the record's scope).
    public var communityID: String
    /// The adviser who took it on.
    public var adviserID: String
    /// The day it was taken on, `YYYY-MM-DD`.
    public var date: String
    /// A document or litigation.
    public var kind: Kind
    /// What the work is.
    public var summary: String

    /// A commission from its parts.
    public init(id: RecordID, communityID: String, adviserID: String, date: String, kind: Kind, summary: String) {
        self.id = id
        self.communityID = communityID
        self.adviserID = adviserID
        self.date = date
        self.kind = kind
        self.summary = summary
    }

    public init(blank id: RecordID) { self.init(id: id, communityID: "", adviserID: "", date: "", kind: .document, summary: "") }
}
