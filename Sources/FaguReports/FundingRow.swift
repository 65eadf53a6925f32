/// One community in the funding report: its year's fees and where they come from (R8).
public struct FundingRow: Hashable, Sendable, Encodable {
    /// The community.
    public var community: String
    /// Its name.
    public var name: String
    /// Yuan for the year, every share added.
    public var totalCNY: Int
    /// The appointments the money comes from.
    public var appointments: [FundingShare]
}
