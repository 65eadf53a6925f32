import FaguModel

/// What one replica tells another in a direct sync: what it holds, and a page of the
/// groups the other lacks (see ``SyncSession``).
public struct SyncMessage: Hashable, Sendable {
    /// The sender's version vectors of the session's scopes when it wrote the message.
    public var vectors: ScopeVectors
    /// Groups the receiver lacked, as far as the sender knew: a causally closed page.
    public var groups: [ChangeGroup]
    /// Whether the sender holds more for the receiver than this page.
    public var more: Bool

    /// A message from its parts.
    public init(vectors: ScopeVectors, groups: [ChangeGroup] = [], more: Bool = false) {
        self.vectors = vectors
        self.groups = groups
        self.more = more
    }
}
