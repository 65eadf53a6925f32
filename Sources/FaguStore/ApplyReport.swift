import FaguModel

/// What ``Replica/apply(_:)`` did with a batch.
public struct ApplyReport: Hashable, Sendable {
    /// Groups applied now (including held-back ones that became ready).
    public var appliedGroups = 0
    /// Field changes applied now.
    public var appliedChanges = 0
    /// Groups skipped because they were already held.
    public var duplicateGroups = 0
    /// Groups held back, waiting for changes they depend on.
    public var heldBackGroups = 0
    /// Some of the dots the held-back groups are waiting for.
    public var missing: [Dot] = []
    /// Fields that went from one value to an open conflict.
    public var conflictsOpened = 0
    /// Groups set aside here, each with its code and reason (no values).
    public var setAside: [ChangeGroup] = []
    /// Groups that arrived already set aside (by the hub), taking their dots only.
    public var receivedSetAside = 0
    /// On a device: its own groups the hub newly said it set aside.
    public var ownSetAside = 0
    /// At the hub: the file's request number was not above the last taken from its device.
    public var replayed = false
    /// Whether the request was the very one last taken from the device, delivered again
    /// (a merge cut off before it filed it away): nothing new, nothing to refuse.
    public var repeatsLastRequest = false
    /// Incident reports (事项报告) that arrived for the first time, to flag at once.
    public var incidents: [RecordID] = []

    /// An empty report.
    public init() {}
}
