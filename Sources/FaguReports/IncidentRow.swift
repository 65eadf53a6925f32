/// One incident report (事项报告) and its delay (R6).
public struct IncidentRow: Hashable, Sendable, Encodable {
    /// The report's id.
    public var record: String
    /// Its community.
    public var community: String
    /// The adviser who reported it.
    public var adviser: String
    /// The day it was logged.
    public var date: String
    /// `major` or `mass`.
    public var level: String
    /// What is happening.
    public var summary: String
    /// Minutes from logging to the hub's receipt; nil when it did not arrive through sync.
    public var delayMinutes: Int?
    /// The device's clock was ahead, so the delay is not believed.
    public var deviceClockAhead: Bool

    /// The rows of the incidents in `period`, oldest first, with one R6 warning each.
    static func rows(_ incidents: [IncidentEntry], in period: ReportPeriod) -> (rows: [IncidentRow], warnings: [ReportFinding]) {
        let inside = incidents.filter { period.contains($0.report.date) }
            .sorted { ($0.report.date, $0.report.id) < ($1.report.date, $1.report.id) }
        let rows = inside.map { entry in
            IncidentRow(record: entry.report.id.description, community: entry.report.communityID, adviser: entry.report.adviserID,
                        date: entry.report.date, level: entry.report.level.rawValue, summary: entry.report.summary,
                        delayMinutes: entry.delayMinutes, deviceClockAhead: entry.deviceClockAhead)
        }
        let warnings = rows.map { row in
            var finding = ReportFinding(rule: "R6", problem: "incident_reported", period: String(row.date.prefix(7)),
                                        community: row.community, adviser: row.adviser)
            finding.record = row.record
            finding.delayMinutes = row.delayMinutes
            finding.deviceClockAhead = row.deviceClockAhead
            return finding
        }
        return (rows, warnings)
    }
}
