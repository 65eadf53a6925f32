import FaguDomain
import FaguModel
import FaguStore

/// What the hub did with one file it accepted.
public struct HubReceipt: Sendable {
    /// The device that sent it.
    public var device: EnrolledDevice
    /// The scopes it may write and receive now (see ``Hub/currentScopes(of:)``).
    public var scopes: [ScopeID]
    /// The vectors it reported: what it holds.
    public var vectors: ScopeVectors
    /// What applying it did.
    public var report: ApplyReport
    /// Whether this file registered the device's key.
    public var registered: Bool
    /// Field changes the file carried.
    public var receivedChanges: Int
}
