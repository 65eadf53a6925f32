import FaguDomain
import FaguModel

/// An incident report (事项报告) that just reached the hub over HTTP, so the server's owner can
/// flag it at once (DOMAIN.md R6). It names the record and where it came from; the report's
/// summary stays in the replica, out of logs.
public struct IncidentNotice: Hashable, Sendable {
    /// The incident report's id.
    public var record: RecordID
    /// The device that carried it.
    public var device: ReplicaID
    /// The adviser's or community's code of that device (`a001`, `c01`).
    public var subject: String
    /// The community it concerns, when the hub noted it.
    public var communityID: String?
    /// `major` or `mass`, when given.
    public var level: String?

    /// A notice from its parts.
    public init(record: RecordID, device: ReplicaID, subject: String, communityID: String? = nil, level: String? = nil) {
        self.record = record
        self.device = device
        self.subject = subject
        self.communityID = communityID
        self.level = level
    }
}
