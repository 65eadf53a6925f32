import FaguDomain

/// `report funding --year`: each community's fees for the year against 10,000 CNY (R8), with
/// the appointments they come from. An appointment running part of the year gives its annual
/// fee pro rata by days; one with no fee gives nothing. One violation per community under
/// the floor, a community with no appointment included (0 CNY).
public struct FundingReport: Sendable, Encodable {
    /// The year, `YYYY`.
    public var period: String
    /// One row per community.
    public var rows: [FundingRow]
    /// R8 findings.
    public var violations: [ReportFinding]
    /// None.
    public var warnings: [ReportFinding]

    /// Least yuan per community per year (R8).
    public static let floorCNY = 10_000

    /// The report over `records` for the year `year`.
    public static func compute(_ records: DistrictRecords, year: Int) -> FundingReport {
        let first = CalendarDay.number(year: year, month: 1, day: 1), last = CalendarDay.number(year: year, month: 12, day: 31)
        let yearDays = last - first + 1
        let byCommunity = AppointmentSpan.grouped(records.appointments) { $0.communityID }
        var rows: [FundingRow] = [], violations: [ReportFinding] = []
        for community in records.communities.sorted(by: { $0.id < $1.id }) {
            let id = community.id.description
            let shares = (byCommunity[id] ?? []).filter { $0.overlaps(first, last) }
                .sorted { $0.appointment.id < $1.appointment.id }
                .map { span in
                    let days = span.days(first, last), fee = span.appointment.annualFeeCNY.map(Int.init)
                    return FundingShare(appointment: span.appointment.id.description, adviser: span.appointment.adviserID,
                                        annualFeeCNY: fee, days: days,
                                        shareCNY: Int((Double(fee ?? 0) * Double(days) / Double(yearDays)).rounded()))
                }
            let total = shares.reduce(0) { $0 + $1.shareCNY }
            rows.append(FundingRow(community: id, name: community.name, totalCNY: total, appointments: shares))
            if total < floorCNY {
                var finding = ReportFinding(rule: "R8", problem: "under_floor", period: String(year), community: id)
                finding.feeCNY = total
                violations.append(finding)
            }
        }
        return FundingReport(period: String(year), rows: rows, violations: violations, warnings: [])
    }
}
