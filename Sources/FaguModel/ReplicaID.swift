import Foundation

/// The identity of one replica: an adviser's laptop, a community office or a district hub.
///
/// Replica ids are UUIDs. They order by their 16 bytes, which is also the order of their
/// lowercase string forms; that order is what makes a conflict's displayed value the same
/// on every replica.
public struct ReplicaID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The UUID behind the id.
    public let uuid: UUID
    private let high: UInt64
    private let low: UInt64

    /// Wraps an existing UUID.
    public init(_ uuid: UUID) {
        self.uuid = uuid
        let bytes = uuid.uuid
        high = withUnsafeBytes(of: bytes) { UInt64(bigEndian: $0.loadUnaligned(fromByteOffset: 0, as: UInt64.self)) }
        low = withUnsafeBytes(of: bytes) { UInt64(bigEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
    }

    /// Parses the canonical string form; nil when it is not a UUID.
    public init?(_ string: String) {
        guard let uuid = UUID(uuidString: string) else { return nil }
        self.init(uuid)
    }

    /// A fresh random replica id.
    public static func random() -> ReplicaID { ReplicaID(UUID()) }

    /// The 16 bytes of the UUID, in order.
    public var bytes: [UInt8] { withUnsafeBytes(of: uuid.uuid) { Array($0) } }

    /// The lowercase canonical string form, e.g. `0190c5a2-…`.
    public var description: String { uuid.canonicalString }

    public static func == (lhs: ReplicaID, rhs: ReplicaID) -> Bool {
        lhs.high == rhs.high && lhs.low == rhs.low
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(high)
        hasher.combine(low)
    }

    public static func < (lhs: ReplicaID, rhs: ReplicaID) -> Bool {
        lhs.high == rhs.high ? lhs.low < rhs.low : lhs.high < rhs.high
    }
}
