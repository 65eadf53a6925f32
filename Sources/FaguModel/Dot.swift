/// The identity of one change: the replica that made it and its counter there.
///
/// Counters are kept per origin *and scope*, starting at 1 and without gaps, so that a
/// version vector per scope summarises exactly which changes a replica holds. A dot is
/// therefore unique within its scope; every place a dot appears (a change, a causal
/// context) belongs to one scope.
public struct Dot: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The replica that made the change.
    public let origin: ReplicaID
    /// The change's position in the origin's sequence for its scope (1, 2, 3, …).
    public let counter: UInt64

    /// A dot from its parts.
    public init(origin: ReplicaID, counter: UInt64) {
        self.origin = origin
        self.counter = counter
    }

    /// `origin:counter`, e.g. `0190c5a2-…:17`.
    public var description: String { "\(origin):\(counter)" }

    /// Canonical order: by origin, then counter.
    public static func < (lhs: Dot, rhs: Dot) -> Bool {
        lhs.origin == rhs.origin ? lhs.counter < rhs.counter : lhs.origin < rhs.origin
    }
}
