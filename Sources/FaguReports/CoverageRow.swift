/// One community in the coverage report: its advisers in the period and the days it had none.
public struct CoverageRow: Hashable, Sendable, Encodable {
    /// The community's id.
    public var community: String
    /// Its name.
    public var name: String
    /// The advisers with an appointment there on some day of the period.
    public var advisers: [String]
    /// Days of the period with no active adviser (R1).
    public var uncoveredDays: Int

    /// A row from its parts.
    public init(community: String, name: String, advisers: [String], uncoveredDays: Int) {
        self.community = community
        self.name = name
        self.advisers = advisers
        self.uncoveredDays = uncoveredDays
    }
}
