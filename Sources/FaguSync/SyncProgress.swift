/// How far a sync has got, reported after every round trip.
public struct SyncProgress: Sendable {
    /// Round trips done.
    public var rounds: Int
    /// Field changes sent so far.
    public var sentChanges: Int
    /// Field changes received so far.
    public var receivedChanges: Int
    /// Own changes the hub has still to acknowledge.
    public var pendingChanges: Int
    /// Whether another round trip follows.
    public var more: Bool
}
