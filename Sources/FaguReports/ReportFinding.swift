/// One thing a report found against a rule of DOMAIN.md: a violation, or a warning. In JSON
/// it carries the rule, the ids involved and the period, besides the figures that explain it;
/// fields that do not apply are left out, except R2's `reason`, which is null when none was
/// recorded (see ``ReportFinding/encode(to:)``).
///
/// ```json
/// {"rule": "R3", "problem": "hours_short", "adviser": "a001", "community": "c02",
///  "period": "2026-11", "visits": 1, "hours": 5, "required_hours": 6}
/// ```
public struct ReportFinding: Hashable, Sendable {
    /// The rule, `R1` to `R9`.
    public var rule: String
    /// What is wrong, as a code (`no_adviser`, `no_visit`, `hours_short`, `overdue`, …).
    public var problem: String
    /// `2026-11`, `2026-Q4` or `2026`.
    public var period: String
    /// The community involved, when one is.
    public var community: String?
    /// The adviser involved, when one is.
    public var adviser: String?
    /// The appointment involved, when one is.
    public var appointment: String?
    /// The record involved (a consultation, an incident report), when one is.
    public var record: String?
    /// Further codes (R7's and R9's shortcomings, each one).
    public var problems: [String]?
    /// Communities involved (R2: those served at once on the busiest day).
    public var communities: [String]?
    /// The reason recorded for it, when the rule asks for one (R2: the `over_limit_reason` of
    /// the adviser's appointments running that month); nil when none was recorded.
    public var reason: String?
    /// Days without an active adviser (R1).
    public var uncoveredDays: Int?
    /// The first such day (R1).
    public var firstUncoveredDay: String?
    /// Visits on site (R3).
    public var visits: Int?
    /// Hours on site (R3).
    public var hours: Double?
    /// Hours the month asked for, after pro rata (R3).
    public var requiredHours: Double?
    /// The day a hard question was due (R5).
    public var due: String?
    /// The day it was answered, when it was (R5).
    public var answeredOn: String?
    /// Days past the due date, until the answer or the report's day (R5).
    public var daysLate: Int?
    /// Yuan for the year (R8).
    public var feeCNY: Int?
    /// Minutes from logging to the hub's receipt (R6).
    public var delayMinutes: Int?
    /// The device's clock was ahead of the hub's, so the delay is not believed (R6).
    public var deviceClockAhead: Bool?

    /// A finding with its rule, problem and period; set the rest as they apply.
    public init(rule: String, problem: String, period: String, community: String? = nil, adviser: String? = nil) {
        self.rule = rule
        self.problem = problem
        self.period = period
        self.community = community
        self.adviser = adviser
    }

    /// The order reports list findings in: rule, period, community, adviser, record.
    public static func ordered(_ lhs: ReportFinding, _ rhs: ReportFinding) -> Bool {
        (lhs.rule, lhs.period, lhs.community ?? "", lhs.adviser ?? "", lhs.record ?? "")
            < (rhs.rule, rhs.period, rhs.community ?? "", rhs.adviser ?? "", rhs.record ?? "")
    }
}
