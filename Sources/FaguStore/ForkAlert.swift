import FaguModel

/// At the hub: a replica identity seen writing from two copies (a copied home, a restored
/// backup), and what showed it.
public struct ForkAlert: Hashable, Sendable, Codable {
    /// The replica identity.
    public var replica: String
    /// The adviser's or community's code it was enrolled for.
    public var subject: String
    /// The scope where it showed.
    public var scope: String
    /// The counter where it showed.
    public var counter: UInt64
    /// When the hub saw it.
    public var detectedAt: Timestamp
    /// What was seen, in one sentence.
    public var detail: String

    /// An alert from its parts.
    public init(replica: String, subject: String, scope: String, counter: UInt64, detectedAt: Timestamp, detail: String) {
        self.replica = replica
        self.subject = subject
        self.scope = scope
        self.counter = counter
        self.detectedAt = detectedAt
        self.detail = detail
    }
}
