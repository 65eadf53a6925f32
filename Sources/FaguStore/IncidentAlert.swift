import FaguModel

/// An incident report (事项报告) as it first arrived at a replica: DOMAIN.md R6 measures the
/// time from `writtenAt` to `receivedAt`.
public struct IncidentAlert: Hashable, Sendable {
    /// The incident report's id.
    public var record: RecordID
    /// The community it concerns.
    public var communityID: String
    /// `major` or `mass`.
    public var level: String?
    /// The report's summary.
    public var summary: String?
    /// Who wrote it.
    public var author: String
    /// When it was written on its device.
    public var writtenAt: Timestamp
    /// When this replica received it, by this replica's own clock.
    public var receivedAt: Timestamp

    /// How far ahead of the receiver's clock a device's time is still believed: 5 minutes.
    public static let clockTolerance: Int64 = 5 * 60_000

    /// Whether the device's time is later than the receipt (beyond ``clockTolerance``): its
    /// clock runs ahead, or the time was forged to hide a late report.
    public var deviceClockAhead: Bool { writtenAt.milliseconds > receivedAt.milliseconds + IncidentAlert.clockTolerance }

    /// The time from logging to arrival that DOMAIN.md R6 measures, in whole minutes, ending
    /// at the receiver's own clock: never negative, and 0 when ``deviceClockAhead`` (flagged,
    /// not believed).
    public var delayMinutes: Int { max(0, Int((receivedAt.milliseconds - writtenAt.milliseconds) / 60_000)) }

    /// An alert from its parts.
    public init(record: RecordID, communityID: String, level: String?, summary: String?, author: String,
                writtenAt: Timestamp, receivedAt: Timestamp) {
        self.record = record
        self.communityID = communityID
        self.level = level
        self.summary = summary
        self.author = author
        self.writtenAt = writtenAt
        self.receivedAt = receivedAt
    }
}
