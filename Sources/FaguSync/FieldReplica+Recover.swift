import FaguDomain
import FaguModel
import FaguStore
import Foundation

extension FieldReplica {
    /// What ``recover(home:enrollment:configuration:)`` did.
    public struct Recovery: Sendable {
        /// The new device identity.
        public var newReplica: ReplicaID
        /// Where the forked replica and its key were kept.
        public var keptAt: String
        /// Groups of others (and this device's confirmed ones) carried into the new replica.
        public var carriedGroups: Int
        /// This device's own groups the hub never confirmed, written again under the new identity.
        public var rewrittenGroups: Int
    }

    /// Re-enrolls a forked device (one whose identity another copy also used) as a new
    /// replica, losing none of its work:
    ///
    /// 1. a new replica is made from `enrollment` (a new identity from the hub, for the same
    ///    adviser or office);
    /// 2. everything the old replica holds except its own work the hub never confirmed is
    ///    carried over as it is — the hub holds the same, so nothing is sent twice;
    /// 3. that unconfirmed work is written again, record by record, under the new identity;
    /// 4. the old replica and key are kept in `home/forked-<id>/`, the new ones take their place.
    ///
    /// - Throws: ``SyncFailure`` when the device is not forked, or the enrollment is for
    ///   another subject or district.
    public static func recover(home: String, enrollment: Enrollment,
                               configuration: ReplicaConfiguration = ReplicaConfiguration()) throws -> Recovery {
        let old = try FieldReplica.open(home: home, configuration: configuration)
        guard try old.forkedReason() != nil else {
            throw SyncFailure("this device is not forked; recovery is only for a device whose identity another copy used")
        }
        guard enrollment.subject == old.subject, enrollment.role == old.role.rawValue, enrollment.district == old.district else {
            throw SyncFailure("the enrollment file is for \(enrollment.role) \(enrollment.subject) of \(enrollment.district), "
                              + "not for this device's \(old.role.rawValue) \(old.subject) of \(old.district)")
        }
        guard enrollment.replica != old.replica.id.description else {
            throw SyncFailure("the enrollment file is this device's old identity; ask the hub for a new one (fagu-hub enroll)")
        }
        let staging = home + "/.recovering"
        if FileManager.default.fileExists(atPath: staging) { try FileManager.default.removeItem(atPath: staging) }
        let fresh = try FieldReplica.join(home: staging, enrollment: enrollment, configuration: configuration)

        // What the hub confirmed of the old identity's own work, per scope.
        let confirmed = try old.hubVectors()
        var carried = 0
        var unconfirmed: [ChangeGroup] = []
        for scope in try old.replica.scopes() {
            var peer = VersionVector()
            while true {
                let page = try old.replica.measureDelta(for: ScopeVectors([scope: peer]), scopes: [scope])
                var keep: [ChangeGroup] = []
                for group in page.groups {
                    peer[group.origin] = max(peer[group.origin], group.lastCounter)
                    if group.origin == old.replica.id && group.lastCounter > confirmed[scope][old.replica.id] {
                        if group.setAside == nil { unconfirmed.append(group) }
                    } else {
                        keep.append(group)
                    }
                }
                try fresh.replica.apply(keep)
                carried += keep.count
                if page.complete || page.groups.isEmpty { break }
            }
        }
        // The old identity's unconfirmed work, written again as new writes, in the order written.
        var rewritten = 0
        try fresh.replica.write { transaction in
            for group in unconfirmed.sorted(by: { ($0.time, $0.firstCounter) < ($1.time, $1.firstCounter) }) {
                var fields: [String: FieldValue] = [:]
                for field in group.fields { fields[field.field] = field.value }
                if try !transaction.holds(group.kind, id: group.record) {
                    try transaction.insert(group.kind, id: group.record, fields: fields)
                } else {
                    try transaction.update(group.kind, id: group.record, fields: fields)
                }
                rewritten += 1
            }
        }
        let facts = try old.replica.metadata("forked") ?? ""
        try fresh.replica.setMetadata(["recovered_from": old.replica.id.description, "recovered_because": facts])
        let oldID = old.replica.id
        try old.replica.close()
        try fresh.replica.close()

        // Swap: the old files aside, the new ones in place.
        let kept = home + "/forked-\(oldID)"
        let manager = FileManager.default
        try manager.createDirectory(atPath: kept, withIntermediateDirectories: true,
                                    attributes: [.posixPermissions: 0o700])
        for name in ["replica.sqlite", "replica.sqlite-wal", "replica.sqlite-shm", "device.key"]
        where manager.fileExists(atPath: home + "/" + name) {
            try manager.moveItem(atPath: home + "/" + name, toPath: kept + "/" + name)
        }
        for name in ["replica.sqlite", "device.key"] {
            try manager.moveItem(atPath: staging + "/" + name, toPath: home + "/" + name)
        }
        try manager.removeItem(atPath: staging)
        return Recovery(newReplica: fresh.replica.id, keptAt: kept, carriedGroups: carried, rewrittenGroups: rewritten)
    }
}
