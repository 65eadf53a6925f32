/// What one nightly merge did.
public struct MergeReport: Sendable, Codable {
    /// One inbox file and what became of it.
    public struct Inbox: Sendable, Codable {
        /// The file's name.
        public var file: String
        /// Whether it was applied.
        public var applied: Bool
        /// The device it came from (`a017`), when known.
        public var subject: String?
        /// Field changes applied from it.
        public var appliedChanges: Int
        /// Groups held back, waiting for changes not yet received.
        public var heldBackGroups: Int
        /// Groups in it the hub set aside (see `fagu-hub set-aside`).
        public var setAsideGroups = 0
        /// Why it was rejected, when it was.
        public var reason: String?
    }

    /// One reply file written.
    public struct Reply: Sendable, Codable {
        /// The file's name in the outbox.
        public var file: String
        /// The device it is for.
        public var device: String
        /// The adviser or community it belongs to.
        public var subject: String
        /// Field changes in it.
        public var changes: Int
    }

    /// Every inbox file, in the order processed.
    public var inbox: [Inbox] = []
    /// Every reply written.
    public var replies: [Reply] = []
    /// Incident reports that arrived in this merge (record ids).
    public var incidents: [String] = []

    /// An empty report.
    public init() {}
}
