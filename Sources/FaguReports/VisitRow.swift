/// One adviser × community × month of the compliance report (R3).
public struct VisitRow: Hashable, Sendable, Encodable {
    /// The adviser.
    public var adviser: String
    /// The community.
    public var community: String
    /// `YYYY-MM`.
    public var month: String
    /// Days of the month the appointment covered.
    public var coveredDays: Int
    /// Days in the month.
    public var monthDays: Int
    /// Visits on site.
    public var visits: Int
    /// Hours on site.
    public var hours: Double
    /// Hours asked for, after pro rata; nil when the month is not assessed (covered under a week).
    public var requiredHours: Double?
    /// Whether the month met R3 (true when not assessed).
    public var compliant: Bool
}
