import FaguModel
import Foundation

/// The once-per-file tables a body's groups refer to by index — replica ids, scopes, field
/// names, authors, and record ids (UUIDs, then bureau codes, each in order of first use) —
/// as a writer fills them. Both layouts (2.x rows, 3.x columns) number them the same way.
struct BodyTables {
    /// One origin's groups in one scope: where implicit first counters and previous hashes
    /// continue.
    struct Stream: Hashable {
        /// The origin's index in the replica table.
        var origin: UInt32
        /// The scope's index in the scope table.
        var scope: UInt32
    }

    private(set) var replicas: [ReplicaID] = []
    private(set) var scopes: [String] = []
    private(set) var fields: [String] = []
    private(set) var authors: [String] = []
    /// Record ids that are UUIDs, in order of first use.
    private(set) var uuids: [UUID] = []
    /// Record ids that are bureau codes, in order of first use.
    private(set) var codes: [String] = []
    private var replicaIndex: [ReplicaID: UInt32] = [:]
    private var scopeIndex: [String: UInt32] = [:]
    private var fieldIndex: [String: UInt32] = [:]
    private var authorIndex: [String: UInt32] = [:]
    private var uuidIndex: [UUID: UInt32] = [:]
    private var codeIndex: [String: UInt32] = [:]

    /// Tables holding the record ids of `groups`; the other tables fill as they are asked.
    init(recordsOf groups: [ChangeGroup]) {
        for group in groups {
            switch group.record {
            case .uuid(let uuid): _ = BodyTables.index(uuid, &uuids, &uuidIndex)
            case .code(let code): _ = BodyTables.index(code, &codes, &codeIndex)
            }
        }
    }

    mutating func replica(_ id: ReplicaID) -> UInt32 { BodyTables.index(id, &replicas, &replicaIndex) }
    mutating func scope(_ scope: ScopeID) -> UInt32 { BodyTables.index(scope.name, &scopes, &scopeIndex) }
    mutating func field(_ name: String) -> UInt32 { BodyTables.index(name, &fields, &fieldIndex) }
    mutating func author(_ name: String) -> UInt32 { BodyTables.index(name, &authors, &authorIndex) }

    /// The record's index: among the UUIDs, or after all of them among the codes.
    func record(_ id: RecordID) -> UInt32 {
        switch id {
        case .uuid(let uuid): uuidIndex[uuid]!
        case .code(let code): UInt32(uuids.count) + codeIndex[code]!
        }
    }

    private static func index<T: Hashable>(_ value: T, _ list: inout [T], _ index: inout [T: UInt32]) -> UInt32 {
        if let found = index[value] { return found }
        let next = UInt32(list.count)
        list.append(value)
        index[value] = next
        return next
    }
}
