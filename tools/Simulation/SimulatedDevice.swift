import FaguModel
import FaguStore
import FaguSync

/// One device of the simulation: its home, its role, whether it is reachable, and the
/// messages it keeps for late delivery. Its ``FieldReplica`` is opened on first use after a
/// restart, so a crash is simply dropping it.
final class SimulatedDevice {
    /// Its index in the district layout.
    let index: Int
    /// Who it belongs to.
    let member: DistrictLayout.Member
    /// Its home folder.
    let home: String
    /// Its replica id (fixed at enrollment).
    let origin: ReplicaID
    private let configuration: ReplicaConfiguration
    private var opened: FieldReplica?
    /// The first simulated day it is reachable again (offline while the day is earlier).
    var offlineUntilDay = 0
    /// Requests it sent over the network, kept to be delivered again late.
    var oldRequests: [[UInt8]] = []
    /// Replies it received (or lost), kept to be delivered again late.
    var oldReplies: [[UInt8]] = []
    /// Reply files the nightly merges wrote for it, newest last, not yet picked up.
    var replyFiles: [String] = []
    /// Reply files it already imported, kept to be imported again.
    var importedFiles: [String] = []
    /// How many files it has exported (to name the next).
    var exports = 0

    /// The device `member`, joined as `device`.
    init(index: Int, member: DistrictLayout.Member, home: String, device: FieldReplica, configuration: ReplicaConfiguration) {
        self.index = index
        self.member = member
        self.home = home
        self.origin = device.replica.id
        self.configuration = configuration
        opened = device
    }

    /// The device's replica, opened again from its home after a restart.
    func field() throws -> FieldReplica {
        if let opened { return opened }
        let reopened = try FieldReplica.open(home: home, configuration: configuration)
        opened = reopened
        return reopened
    }

    /// Kills the device: drops its replica without closing it and leaves its files as a
    /// killed process would (``CrashImage``); the next use opens it again from its home.
    ///
    /// - Throws: When the replica is still held elsewhere (a simulator bug: its files must not
    ///   change under an open connection) or its files cannot be copied.
    func crash() throws {
        guard opened != nil else { return }
        let image = try CrashImage(of: FieldReplica.replicaPath(home: home))
        weak let dropped = opened
        opened = nil
        guard dropped == nil else { throw SimulationFault("\(subject)'s replica is still held elsewhere; it cannot crash") }
        try image.restore()
    }

    /// Whether it can reach the hub (network or stick) on simulated day `day`.
    func isOnline(on day: Int) -> Bool { day >= offlineUntilDay }

    /// The device's role.
    var role: DeviceRole { member.role }
    /// The adviser's or community's code.
    var subject: String { member.subject }
}
