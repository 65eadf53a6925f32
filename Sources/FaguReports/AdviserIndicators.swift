/// The figures of one adviser's year the bureau evaluates (DOMAIN.md, 年度评估).
public struct AdviserIndicators: Hashable, Sendable, Encodable {
    /// Adviser × community months assessed for R3.
    public var monthsAssessed = 0
    /// Of those, months that met R3.
    public var monthsCompliant = 0
    /// Months with no visit (R3).
    public var noVisitMonths = 0
    /// Hours on site.
    public var hours = 0.0
    /// Visits on site.
    public var visits = 0
    /// Consultations answered or taken.
    public var consultations = 0
    /// Consultations by category code.
    public var consultationsByCategory: [String: Int] = [:]
    /// Mediations joined.
    public var mediations = 0
    /// Mediations by outcome (`pending` when none recorded).
    public var mediationOutcomes: [String: Int] = [:]
    /// Legal-aid referrals.
    public var legalAid = 0
    /// Governance items reviewed.
    public var governance = 0
    /// Lectures given.
    public var lectures = 0
    /// People who attended them.
    public var attendees = 0
    /// Commissions taken on.
    public var commissions = 0
    /// Hard questions overdue or answered late (R5).
    public var overdueAnswers = 0
    /// Incident reports made.
    public var incidents = 0

    /// The keys a score sheet may name.
    public static let keys: Set<String> = ["months_compliant", "no_visit_months", "hours", "visits", "consultations", "mediations",
                                           "legal_aid", "governance", "lectures", "attendees", "commissions", "overdue_answers",
                                           "incidents"]

    /// The figure of `key` (`months_compliant` is the share of assessed months, 1 when none was).
    public func value(_ key: String) -> Double {
        switch key {
        case "months_compliant": monthsAssessed == 0 ? 1 : Double(monthsCompliant) / Double(monthsAssessed)
        case "no_visit_months": Double(noVisitMonths)
        case "hours": hours
        case "visits": Double(visits)
        case "consultations": Double(consultations)
        case "mediations": Double(mediations)
        case "legal_aid": Double(legalAid)
        case "governance": Double(governance)
        case "lectures": Double(lectures)
        case "attendees": Double(attendees)
        case "commissions": Double(commissions)
        case "overdue_answers": Double(overdueAnswers)
        case "incidents": Double(incidents)
        default: 0
        }
    }
}
