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
    /// When this replica received it.
    public var receivedAt: Timestamp

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
