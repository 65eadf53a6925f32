import FaguModel

/// 协助申请法律援助: the adviser helped someone apply for legal aid on `date`.
public struct LegalAidReferral: LoggedWork {
    public static let kind = RecordKind.legalAid
    public static let recordFields: [RecordField<LegalAidReferral>] = headerFields + [.text("summary", \.summary), .optionalChoice("status", \.status)]

    /// Where the application stands.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// 已转介: referred to the legal-aid centre, not yet decided.
        case referred
        /// 已受理: accepted by the legal-aid centre.
        case accepted
        /// 未受理: rejected by the legal-aid centre.
        case rejected
    }

    /// The record's id (UUIDv7).
    public var id: RecordID
    /// The community of the applicant (the record's scope).
    public var communityID: String
    /// The adviser who helped.
    public var adviserID: String
    /// The day of the referral, `YYYY-MM-DD`.
    public var date: String
    /// What the applicant needs help with.
    public var summary: String
    /// Where the application stands, once known.
    public var status: Status?

    /// A legal-aid referral from its parts.
    public init(id: RecordID, communityID: String, adviserID: String, date: String, summary: String,
                status: Status? = nil) {
        self.id = id
        self.communityID = communityID
        self.adviserID = adviserID
        self.date = date
        self.summary = summary
        self.status = status
    }

    public init(blank id: RecordID) { self.init(id: id, communityID: "", adviserID: "", date: "", summary: "") }
}
