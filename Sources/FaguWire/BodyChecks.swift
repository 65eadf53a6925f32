import FaguModel
import Foundation

/// The checks a body of either layout (2.x rows, 3.x columns) makes the same way: the
/// replica ids and bureau codes it lists, its running count of changes against the limit
/// and the header, and a set-aside group's empty changes.
struct BodyChecks {
    /// The limits enforced.
    let limits: ChangeSetLimits
    /// What the header declares.
    let header: ChangeSetHeader
    /// Changes counted so far.
    private(set) var changes = 0

    /// Checks for a body that `header` describes, within `limits`.
    init(limits: ChangeSetLimits, header: ChangeSetHeader) {
        self.limits = limits
        self.header = header
    }

    /// The body's replica table: each entry must be a 16-byte replica id.
    static func replicas(_ raws: [Data]) throws(WireError) -> [ReplicaID] {
        var replicas: [ReplicaID] = []
        replicas.reserveCapacity(raws.count)
        for raw in raws {
            guard let id = ReplicaID(bytes: raw) else { throw WireError(.malformed, "the body lists an invalid replica id") }
            replicas.append(id)
        }
        return replicas
    }

    /// The body's record ids that are bureau codes: each must be a valid code.
    static func recordCodes(_ codes: [String]) throws(WireError) -> [RecordID] {
        var ids: [RecordID] = []
        ids.reserveCapacity(codes.count)
        for code in codes {
            guard RecordID.isValidCode(code) else { throw WireError(.malformed, "a record code is not a valid bureau code") }
            ids.append(.code(code))
        }
        return ids
    }

    /// Counts a group's `count` changes, refusing the body once it holds more than the limit.
    mutating func count(_ count: Int) throws(WireError) {
        changes += count
        guard changes <= limits.maxChanges else {
            throw WireError(.tooManyChanges, "the body holds more than \(limits.maxChanges) changes")
        }
    }

    /// Refuses the body unless it held as many changes as the header declares.
    func expectDeclaredChanges() throws(WireError) {
        guard changes == header.changeCount else {
            throw WireError(.malformed, "the header declares \(header.changeCount) changes but the body holds \(changes)")
        }
    }

    /// A change of a set-aside group, which carries no value and no context (its dots and
    /// hash are all that travel).
    static func setAsideChange(carriesValue: Bool) throws(WireError) -> FieldChange {
        guard !carriesValue else { throw WireError(.malformed, "a set-aside group carries values") }
        return FieldChange(field: "", value: .null)
    }
}
