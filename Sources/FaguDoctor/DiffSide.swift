import FaguModel
import FaguStore
import FaguWire
import Foundation

/// One side of `fagu-doctor diff`: a home's replica, or a change-set file (what its sender
/// said it holds, and the groups it carries).
struct DiffSide {
    /// How the side is named in output (the path given).
    let name: String
    /// What the side holds, per scope.
    let vectors: ScopeVectors
    /// The scopes the side holds.
    let scopes: Set<ScopeID>
    /// The replica, when the side is a home.
    let replica: Replica?
    /// The groups the file carries, when the side is a file whose body could be opened.
    let groups: [ChangeGroup]

    /// A home's side.
    init(home: DoctorHome) throws {
        try self.init(name: home.path, replica: home.replica)
    }

    private init(name: String, replica: Replica) throws {
        self.name = name
        self.replica = replica
        let scopes = try replica.scopes()
        vectors = try replica.vectors(scopes: scopes)
        self.scopes = Set(scopes)
        groups = []
    }

    /// The side read again (a home's vectors as they are now; a file is as it was).
    func reread() throws -> DiffSide {
        guard let replica else { return self }
        return try DiffSide(name: name, replica: replica)
    }

    /// A file's side: its header's vectors, and its groups when `inspection` opened the body.
    init(file path: String, inspection: ChangeSetInspection, header: ChangeSetHeader) {
        name = path
        replica = nil
        vectors = header.vectors
        scopes = Set(header.scopes)
        groups = inspection.changeSet?.groups ?? []
    }

    /// Up to `limit` groups of `origin` in `scope` this side holds beyond what `other` holds.
    func groups(of origin: ReplicaID, in scope: ScopeID, beyond other: VersionVector, limit: Int) throws -> [ChangeGroup] {
        if let replica {
            var peer = ScopeVectors()
            peer[scope] = other
            return try replica.measureDelta(for: peer, scopes: [scope], limit: limit, origins: [origin]).groups
        }
        return Array(groups.filter { $0.scope == scope && $0.origin == origin && $0.lastCounter > other[origin] }.prefix(limit))
    }
}
