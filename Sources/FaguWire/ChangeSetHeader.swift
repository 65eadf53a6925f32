import FaguModel

/// What a change-set file says about itself before its body is read.
public struct ChangeSetHeader: Hashable, Sendable {
    /// The replica that wrote the file.
    public var sender: ReplicaID
    /// The sender's district.
    public var district: String
    /// The scopes the file carries changes of.
    public var scopes: [ScopeID]
    /// The sender's version vectors when it wrote the file.
    public var vectors: ScopeVectors
    /// The sender's replica schema version.
    public var schemaVersion: Int
    /// When the file was written.
    public var createdAt: Timestamp
    /// How many groups the body holds.
    public var groupCount: Int
    /// How many field changes the body holds.
    public var changeCount: Int
    /// On the first file of a newly enrolled device: its Ed25519 public key (32 bytes).
    public var publicKey: [UInt8]?
    /// On the first file of a newly enrolled device: the one-time token the hub issued.
    public var enrollmentToken: String?
    /// Whether the sender holds more for the receiver than this file carries (a page).
    public var hasMore: Bool
    /// In a hub's reply: per scope, the last counter and chain hash of the receiving
    /// device's own groups that the hub holds, so a copied device can tell it is not the one
    /// the hub knows.
    public var heads: [ScopeID: ChainHead]
    /// In a device's request: per scope, its own counter the hub last acknowledged to it.
    public var acknowledged: [ScopeID: UInt64]
    /// In a device's request: a number that grows with every request it writes (signed with
    /// the file), so the hub can tell a replayed request from a new one. 0 elsewhere.
    public var requestNumber: UInt64
    /// In a device's request: its X25519 public key (32 bytes), to which the hub seals its
    /// replies.
    public var encryptionKey: [UInt8]?
    /// In a hub's reply: the receiving device's own groups whose write time the hub found
    /// beyond its clock, and the receipt time it orders them by instead.
    public var retimed: [RetimedGroup]

    /// The last counter of one origin's groups in a scope, and that group's chain hash.
    public struct ChainHead: Hashable, Sendable {
        /// The counter.
        public var counter: UInt64
        /// The chain hash of the group ending at `counter` (32 bytes).
        public var hash: [UInt8]

        /// A head from its parts.
        public init(counter: UInt64, hash: [UInt8]) {
            self.counter = counter
            self.hash = hash
        }
    }

    /// A header from its parts.
    public init(sender: ReplicaID, district: String, scopes: [ScopeID], vectors: ScopeVectors, schemaVersion: Int,
                createdAt: Timestamp, groupCount: Int = 0, changeCount: Int = 0, publicKey: [UInt8]? = nil,
                enrollmentToken: String? = nil, hasMore: Bool = false, heads: [ScopeID: ChainHead] = [:],
                acknowledged: [ScopeID: UInt64] = [:], requestNumber: UInt64 = 0, encryptionKey: [UInt8]? = nil,
                retimed: [RetimedGroup] = []) {
        self.sender = sender
        self.district = district
        self.scopes = scopes
        self.vectors = vectors
        self.schemaVersion = schemaVersion
        self.createdAt = createdAt
        self.groupCount = groupCount
        self.changeCount = changeCount
        self.publicKey = publicKey
        self.enrollmentToken = enrollmentToken
        self.hasMore = hasMore
        self.heads = heads
        self.acknowledged = acknowledged
        self.requestNumber = requestNumber
        self.encryptionKey = encryptionKey
        self.retimed = retimed
    }
}
