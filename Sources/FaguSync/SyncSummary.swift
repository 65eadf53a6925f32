import FaguDomain
import FaguModel

/// What a finished sync, export or import did.
public struct SyncSummary: Sendable {
    /// Round trips (1 for a file).
    public var rounds = 0
    /// Field changes sent.
    public var sentChanges = 0
    /// Field changes received and applied.
    public var receivedChanges = 0
    /// Groups held back, waiting for changes not yet received.
    public var heldBackGroups = 0
    /// Open conflicts after the sync.
    public var openConflicts = 0
    /// Incident reports that arrived for the first time.
    public var incidents: [RecordID] = []
    /// This device's own groups the hub newly set aside (see `fagu set-aside`).
    public var setAside = 0

    /// An empty summary.
    public init() {}
}
