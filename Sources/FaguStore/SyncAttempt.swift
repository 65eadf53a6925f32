import FaguModel

/// One sync, export, import or merge tried on this replica, and how it ended.
public struct SyncAttempt: Hashable, Sendable {
    /// When it was tried.
    public var at: Timestamp
    /// `http`, `export`, `import`, `merge`, `serve`.
    public var transport: String
    /// The other side: a hub URL, a file path, a device id.
    public var peer: String
    /// Whether it completed.
    public var ok: Bool
    /// Field changes sent.
    public var sentChanges: Int
    /// Field changes received and applied.
    public var receivedChanges: Int
    /// What happened, for people (the error when it failed).
    public var message: String

    /// An attempt from its parts.
    public init(at: Timestamp, transport: String, peer: String, ok: Bool, sentChanges: Int = 0,
                receivedChanges: Int = 0, message: String = "") {
        self.at = at
        self.transport = transport
        self.peer = peer
        self.ok = ok
        self.sentChanges = sentChanges
        self.receivedChanges = receivedChanges
        self.message = message
    }
}
