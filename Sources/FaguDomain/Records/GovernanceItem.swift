import FaguModel

/// 依法治理: village or community rules, a contract, a decision or an election the adviser
/// reviewed for lawfulness on `date`.
public struct GovernanceItem: LoggedWork {
    public static let kind = RecordKind.governance
    public static let recordFields: [RecordField<GovernanceItem>] = headerFields + [.choice("kind", \.kind), .text("summary", \.summary)]

    /// What was reviewed.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// 村规民约、居民公约: village or residents' rules.
        case rules
        /// 合同: a contract the community is party to.
        case contract
        /// 重大决策: a major decision of the community.
        case decision
        /// 换届选举: an election of the village or residents' committee.
        case election
    }

    /// The record's id (UUIDv7).
    public var id: RecordID
    /// The community whose affairs were reviewed (the record's scope).
    public var communityID: String
    /// The adviser who reviewed them.
    public var adviserID: String
    /// The day of the review, `YYYY-MM-DD`.
    public var date: String
    /// Rules, a contract, a decision or an election.
    public var kind: Kind
    /// What was reviewed and what the adviser advised.
    public var summary: String

    /// A governance item from its parts.
    public init(id: RecordID, communityID: String, adviserID: String, date: String, kind: Kind, summary: String) {
        self.id = id
        self.communityID = communityID
        self.adviserID = adviserID
        self.date = date
        self.kind = kind
        self.summary = summary
    }

    public init(blank id: RecordID) { self.init(id: id, communityID: "", adviserID: "", date: "", kind: .rules, summary: "") }
}
