/// One category of consultations or disputes over the months of a stats report, with its
/// trend: the last month against the average of the three before it.
public struct CategoryTrend: Hashable, Sendable, Encodable {
    /// `consultation` or `mediation`.
    public var kind: String
    /// The category's code (`labour`), or the text recorded when it is not one.
    public var category: String
    /// Its Chinese name.
    public var name: String
    /// Counts per month, in the report's `months` order.
    public var counts: [Int]
    /// All of them.
    public var total: Int
    /// The last month's count.
    public var lastMonth: Int
    /// The average of the three months before the last.
    public var previousAverage: Double
    /// Rising: the last month at least 3 and at least 1.5 times the previous average.
    public var rising: Bool
}
