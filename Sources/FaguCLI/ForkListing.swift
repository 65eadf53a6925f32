import FaguStore

/// A fork alert as `--json` prints it, its time as RFC 3339 in Shanghai time.
public struct ForkListing: Encodable, Sendable {
    public var replica: String
    public var subject: String
    public var scope: String
    public var counter: UInt64
    public var detectedAt: String
    public var detail: String

    /// The JSON form of `alert`.
    public init(_ alert: ForkAlert) {
        replica = alert.replica
        subject = alert.subject
        scope = alert.scope
        counter = alert.counter
        detectedAt = ShanghaiTime.rfc3339(alert.detectedAt)
        detail = alert.detail
    }
}
