import FaguSync

/// What the hub made of one `POST /v1/sync`, before it becomes an HTTP response.
enum SyncOutcome: Sendable {
    /// Applied: the signed reply to send back, and the incident reports that just arrived.
    case accepted(reply: [UInt8], notices: [IncidentNotice])
    /// Refused with nothing applied; `status` is the HTTP status to answer with.
    case refused(SyncRefusal, status: Int)

    /// The HTTP status to answer with.
    var status: Int {
        switch self {
        case .accepted: 200
        case .refused(_, let status): status
        }
    }
}
