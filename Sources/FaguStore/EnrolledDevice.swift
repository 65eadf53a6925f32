import FaguModel

/// A device the hub enrolled: who it is for, what it may see and write, and whether it has
/// registered its key or been revoked.
public struct EnrolledDevice: Hashable, Sendable {
    /// The device's replica id.
    public var id: ReplicaID
    /// Adviser laptop or community office.
    public var role: DeviceRole
    /// The adviser's or community's bureau code (`a017`, `c01`).
    public var subject: String
    /// The community scopes it may see and write, plus the roster it may only read.
    public var scopes: [ScopeID]
    /// The public key the one-time enrollment token seeds (see `EnrollmentProof`): it checks
    /// the device's proof of the token but cannot make one.
    public var tokenVerifier: [UInt8]
    /// When the enrollment token stops being accepted (nil: never).
    public var tokenExpiresAt: Timestamp?
    /// Its Ed25519 public key, once its first exchange registered it.
    public var publicKey: [UInt8]?
    /// When the hub enrolled it.
    public var enrolledAt: Timestamp
    /// When its key was registered.
    public var registeredAt: Timestamp?
    /// When it was revoked; a revoked device is refused.
    public var revokedAt: Timestamp?
    /// When the hub last accepted a file from it.
    public var lastSeenAt: Timestamp?
    /// The vectors it reported last: what the hub knows it holds.
    public var lastVectors: ScopeVectors
    /// When the hub first saw this identity written from two copies (nil: never).
    public var forkedAt: Timestamp?
    /// Per scope, the device's own counter it last said the hub had acknowledged.
    public var acknowledged: [ScopeID: UInt64]
    /// The newest creation time (by the device's clock) of a file the hub accepted from it.
    public var lastWrittenAt: Timestamp?
    /// Its X25519 public key, to which the hub seals its replies (from its latest request).
    public var encryptionKey: [UInt8]?
    /// When the hub last found the device's clock beyond its own (nil: never).
    public var clockAheadAt: Timestamp?
    /// By how many milliseconds it was ahead then.
    public var clockAheadBy: Int64?
    /// The change-set format major version of the latest request the hub took from it, which
    /// its replies are written in, so a device of an older release can read them (nil: none
    /// recorded yet — a device last heard from before the hub kept it is answered in 2.0).
    public var formatMajor: UInt8?

    /// A newly enrolled device.
    public init(id: ReplicaID, role: DeviceRole, subject: String, scopes: [ScopeID], tokenVerifier: [UInt8],
                tokenExpiresAt: Timestamp? = nil,
                publicKey: [UInt8]? = nil, enrolledAt: Timestamp, registeredAt: Timestamp? = nil,
                revokedAt: Timestamp? = nil, lastSeenAt: Timestamp? = nil, lastVectors: ScopeVectors = ScopeVectors(),
                forkedAt: Timestamp? = nil, acknowledged: [ScopeID: UInt64] = [:], lastWrittenAt: Timestamp? = nil,
                encryptionKey: [UInt8]? = nil, clockAheadAt: Timestamp? = nil, clockAheadBy: Int64? = nil,
                formatMajor: UInt8? = nil) {
        self.id = id
        self.role = role
        self.subject = subject
        self.scopes = scopes
        self.tokenVerifier = tokenVerifier
        self.tokenExpiresAt = tokenExpiresAt
        self.publicKey = publicKey
        self.enrolledAt = enrolledAt
        self.registeredAt = registeredAt
        self.revokedAt = revokedAt
        self.lastSeenAt = lastSeenAt
        self.lastVectors = lastVectors
        self.forkedAt = forkedAt
        self.acknowledged = acknowledged
        self.lastWrittenAt = lastWrittenAt
        self.encryptionKey = encryptionKey
        self.clockAheadAt = clockAheadAt
        self.clockAheadBy = clockAheadBy
        self.formatMajor = formatMajor
    }
}
