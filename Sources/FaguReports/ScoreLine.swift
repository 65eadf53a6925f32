/// One line of an adviser's score sheet: an indicator's figure and the points it earned (or
/// a penalty's count and the points it cost, negative).
public struct ScoreLine: Hashable, Sendable, Encodable {
    /// The indicator or lapse.
    public var key: String
    /// Its figure for the year.
    public var value: Double
    /// Its weight (an indicator) or points per occurrence (a penalty).
    public var weight: Double
    /// The target, for an indicator.
    public var target: Double?
    /// Points earned (negative for a penalty).
    public var points: Double
}
