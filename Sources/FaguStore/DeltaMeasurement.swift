import FaguModel

/// A delta and the work SQLite did to find it.
public struct DeltaMeasurement: Sendable {
    /// The groups the peer lacks, in causal order.
    public var groups: [ChangeGroup] = []
    /// SQLite virtual-machine steps over the delta's queries.
    public var sqliteSteps = 0
    /// Steps spent in full table scans (0 when every query used an index).
    public var fullScanSteps = 0
    /// Groups decoded from the change log's runs to find them (a run holds up to 256).
    public var logEntriesRead = 0
    /// Whether these are all the groups the peer lacks (false when a limit cut them short).
    public var complete = true
}
