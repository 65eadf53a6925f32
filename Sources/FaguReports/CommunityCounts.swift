/// One community's consultations and disputes in a stats report.
public struct CommunityCounts: Hashable, Sendable, Encodable {
    /// The community.
    public var community: String
    /// Consultations in the period.
    public var consultations: Int
    /// Mediations in the period.
    public var mediations: Int
    /// The most frequent category of either, if any.
    public var topCategory: String?
}
