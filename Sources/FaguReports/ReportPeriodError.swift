/// A period given to a report that is not a month, a quarter or a year.
public struct ReportPeriodError: Error, Hashable, Sendable {
    /// What was given.
    public let given: String
    /// The form expected: `YYYY-MM`, `YYYY-Qn` or `YYYY`.
    public let expected: String

    /// An error from its parts.
    public init(given: String, expected: String) {
        self.given = given
        self.expected = expected
    }
}
