/// What one appointment gives a community in a year (R8).
public struct FundingShare: Hashable, Sendable, Encodable {
    /// The appointment's id.
    public var appointment: String
    /// Its adviser.
    public var adviser: String
    /// The annual fee it states, if any.
    public var annualFeeCNY: Int?
    /// Days of the year it runs.
    public var days: Int
    /// The fee for those days: annual fee × days ÷ days in the year, rounded to the yuan.
    public var shareCNY: Int
}
