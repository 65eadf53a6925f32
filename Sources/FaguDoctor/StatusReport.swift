import FaguCLI
import FaguModel
import FaguStore
import FaguSync
import Foundation

/// What `fagu-doctor status` reports of a home, as `--json` prints it.
struct StatusReport: Encodable {
    /// One scope's version vector.
    struct ScopeState: Encodable {
        var scope: String
        /// Writers and how far this replica holds each.
        var vector: [String: UInt64]
        /// This device's own changes in the scope the hub has not acknowledged (devices only).
        var unacknowledged: UInt64?
        /// When the oldest of them was written (RFC 3339, Shanghai time).
        var oldestUnacknowledged: String?
    }

    /// A group held back, and the dots it waits for.
    struct HeldBack: Encodable {
        var scope: String
        var group: String
        var kind: String
        var record: String
        var waitingFor: [String]
    }

    /// One sync attempt.
    struct Attempt: Encodable {
        var at: String
        var transport: String
        var peer: String
        var ok: Bool
        var sent: Int
        var received: Int
        var message: String
    }

    /// A device as the hub knows it.
    struct Device: Encodable {
        var device: String
        var role: String
        var subject: String
        var lastSeen: String?
        /// Changes the device reported holding of its own that the hub lacks, as of its last
        /// request.
        var lag: UInt64
        var silentDays: Int?
        var revoked: Bool
        var forked: Bool
        var setAside: Int
        /// Requests from its adviser or office that the hub refused (or that failed), as the
        /// hub's sync log counts them (by subject: devices of one adviser share the count).
        var refused: Int
    }

    var home: String
    var kind: DoctorHome.Kind
    var replica: String
    var role: String
    var subject: String?
    var district: String?
    var scopes: [ScopeState]
    var heldBack: [HeldBack]
    var setAside: Int
    var setAsideByCode: [String: Int]
    var openConflicts: Int
    var lastAttempts: [Attempt]
    var devices: [Device]?
    var silentDevices: [String]?
    var silentAfterDays: Int?

    /// The report of `home`; on a hub, devices not seen for more than `silentDays` days are
    /// listed as silent.
    init(of home: DoctorHome, silentDays: Int) throws {
        let replica = home.replica
        self.home = home.path
        kind = home.kind
        self.replica = replica.id.description
        role = try home.role()
        subject = try replica.metadata("subject")
        district = try replica.metadata("district")
        let held = try replica.scopes()
        let vectors = try replica.vectors(scopes: held)
        let acknowledged = home.kind == .device ? try replica.storedVectors(FieldReplica.hubAcknowledged) : nil
        scopes = try held.map { scope in
            let vector = vectors[scope]
            var state = ScopeState(scope: scope.name, vector: Dictionary(uniqueKeysWithValues: vector.sortedEntries.map {
                ($0.origin.description, $0.counter)
            }))
            if let acknowledged {
                let ours = vector[replica.id], theirs = acknowledged[scope][replica.id]
                state.unacknowledged = ours > theirs ? ours - theirs : 0
                if ours > theirs {
                    let oldest = try replica.measureDelta(for: acknowledged, scopes: [scope], limit: 1, origins: [replica.id]).groups.first
                    state.oldestUnacknowledged = oldest.map { ShanghaiTime.rfc3339($0.time) }
                }
            }
            return state
        }
        heldBack = try replica.heldBackGroups().map { entry in
            HeldBack(scope: entry.group.scope.name, group: "\(entry.group.origin):\(entry.group.firstCounter)",
                     kind: entry.group.kind.rawValue, record: entry.group.record.description,
                     waitingFor: entry.missing.map(\.description))
        }
        let entries = try replica.setAsideEntries()
        setAside = entries.count
        setAsideByCode = Dictionary(grouping: entries, by: \.code).mapValues(\.count)
        openConflicts = try replica.openConflicts().count
        lastAttempts = try replica.syncAttempts(limit: 5).map {
            Attempt(at: ShanghaiTime.rfc3339($0.at), transport: $0.transport, peer: $0.peer, ok: $0.ok, sent: $0.sentChanges,
                    received: $0.receivedChanges, message: $0.message)
        }
        guard home.kind == .hub else { return }
        let now = Date().timeIntervalSince1970 * 1_000
        var listed: [Device] = []
        let failed = try replica.failedSyncAttempts()
        for device in try replica.devices() {
            var lag: UInt64 = 0
            for scope in device.lastVectors.scopes {
                let reported = device.lastVectors[scope][device.id], heldHere = vectors[scope][device.id]
                if reported > heldHere { lag += reported - heldHere }
            }
            let silent = device.lastSeenAt.map { Int((now - Double($0.milliseconds)) / 86_400_000) }
            listed.append(Device(device: device.id.description, role: device.role.rawValue, subject: device.subject,
                                 lastSeen: device.lastSeenAt.map(ShanghaiTime.rfc3339), lag: lag, silentDays: silent,
                                 revoked: device.revokedAt != nil, forked: device.forkedAt != nil,
                                 setAside: entries.filter { $0.origin == device.id.description }.count,
                                 refused: failed[device.subject, default: 0] + failed["device \(device.id)", default: 0]))
        }
        devices = listed
        silentAfterDays = silentDays
        silentDevices = listed.filter { device in
            !device.revoked && (device.silentDays.map { $0 > silentDays } ?? true)
        }.map(\.device)
    }
}
