/// What a simulation run did, counted as it went: work, syncs, every fault injected by
/// kind, roster changes, and what the hub set aside.
public struct SimulationFigures: Sendable, Hashable, Codable {
    /// Writes made (creations and updates), over all devices.
    public var writes = 0
    /// Writes by record kind.
    public var writesByKind: [String: Int] = [:]
    /// Updates of a shared case (status or title), from whichever device held it.
    public var caseEdits = 0
    /// Network syncs run to the end (each one or more round trips).
    public var syncs = 0
    /// Network syncs cut short by a lost request or reply.
    public var syncsCut = 0
    /// Round trips the hub answered (`hub.exchange`), late and duplicated ones included.
    public var roundTrips = 0
    /// Change-set files devices exported for the stick.
    public var exports = 0
    /// Reply files devices imported from the stick.
    public var imports = 0
    /// Nightly merges of the hub's inbox.
    public var nightlyMerges = 0
    /// Messages that never arrived (a lost reply's round trip was applied by the hub).
    public var lost = MessageFaults()
    /// Messages delivered twice.
    public var duplicated = MessageFaults()
    /// Messages delivered late, after newer ones of the same device.
    public var reordered = MessageFaults()
    /// Devices dropped without a clean close and opened again from their home.
    public var deviceRestarts = 0
    /// Times the hub was dropped without a clean close and opened again.
    public var hubRestarts = 0
    /// Device restarts right after a round trip whose reply was lost.
    public var restartsMidSync = 0
    /// Hub restarts in the middle of a nightly merge (some files applied, none moved).
    public var restartsMidMerge = 0
    /// Appointments the roster ended.
    public var appointmentsEnded = 0
    /// Appointments the roster added.
    public var appointmentsAdded = 0
    /// Days a device spent offline, summed over devices.
    public var offlineDeviceDays = 0
    /// Times a group of devices (a community's) was cut off at once.
    public var partitions = 0
    /// Groups the hub set aside at the end, by code.
    public var setAsideByCode: [String: Int] = [:]
    /// Fields in conflict at the hub at the end (concurrent edits kept side by side).
    public var openConflicts = 0
    /// Scopes, device by device, whose digest equals the hub's at the end.
    public var scopesEqualByDigest = 0
    /// Scopes equal to the hub's record by record but for the device's own set-aside work,
    /// which stays on the device as written.
    public var scopesEqualButOwnSetAside = 0

    /// Nothing counted yet.
    public init() {}

    /// Device and hub restarts together.
    public var restarts: Int { deviceRestarts + hubRestarts }
    /// Roster changes together.
    public var rosterChanges: Int { appointmentsEnded + appointmentsAdded }
}
