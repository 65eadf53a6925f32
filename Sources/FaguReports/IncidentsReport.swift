/// `report incidents`: the incident reports (事项报告) logged in a period and how long each
/// took to reach the hub (R6), one warning each.
public struct IncidentsReport: Sendable, Encodable {
    /// The period's label.
    public var period: String
    /// The reports, oldest first.
    public var incidents: [IncidentRow]
    /// Longest delay in minutes among believed ones, if any.
    public var longestDelayMinutes: Int?
    /// None: R6 is an alert, not a violation.
    public var violations: [ReportFinding]
    /// One R6 item per report.
    public var warnings: [ReportFinding]

    /// The report over `records` for `period`.
    public static func compute(_ records: DistrictRecords, period: ReportPeriod) -> IncidentsReport {
        let (rows, warnings) = IncidentRow.rows(records.incidents, in: period)
        let longest = rows.filter { !$0.deviceClockAhead }.compactMap(\.delayMinutes).max()
        return IncidentsReport(period: period.label, incidents: rows, longestDelayMinutes: longest, violations: [],
                               warnings: warnings.sorted(by: ReportFinding.ordered))
    }
}
