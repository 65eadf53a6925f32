import Foundation

/// The identity of one replica: an adviser's laptop, a community office or a district hub.
///
/// Replica ids are UUIDs; their lowercase string form orders them canonically, which is
/// what makes a conflict's displayed value the same on every replica.
public struct ReplicaID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The UUID behind the id.
    public let uuid: UUID

    /// Wraps an existing UUID.
    public init(_ uuid: UUID) { self.uuid = uuid }

    /// Parses the canonical string form; nil when it is not a UUID.
    public init?(_ string: String) {
        guard let uuid = UUID(uuidString: string) else { return nil }
        self.uuid = uuid
    }

    /// A fresh random replica id.
    public static func random() -> ReplicaID { ReplicaID(UUID()) }

    /// The lowercase canonical string form, e.g. `0190c5a2-…`.
    public var description: String { uuid.uuidString.lowercased() }

    public static func < (lhs: ReplicaID, rhs: ReplicaID) -> Bool {
        lhs.description < rhs.description
    }
}
