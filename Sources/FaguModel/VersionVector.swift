/// For one scope, how many changes of each origin a replica holds.
///
/// Because counters run without gaps per origin and scope, `vector[o] == n` means the
/// replica holds exactly the changes `o:1 … o:n` of that scope.
public struct VersionVector: Hashable, Sendable, CustomStringConvertible {
    /// The highest counter held per origin; absent origins count as 0.
    public private(set) var counters: [ReplicaID: UInt64]

    /// A vector from explicit counters; zero entries are dropped.
    public init(_ counters: [ReplicaID: UInt64] = [:]) {
        self.counters = counters.filter { $0.value > 0 }
    }

    /// The counter held for `origin` (0 when none).
    public subscript(origin: ReplicaID) -> UInt64 {
        get { counters[origin] ?? 0 }
        set { counters[origin] = newValue == 0 ? nil : newValue }
    }

    /// Whether the change `dot` is covered by this vector.
    public func contains(_ dot: Dot) -> Bool { self[dot.origin] >= dot.counter }

    /// The pointwise maximum of two vectors.
    public func merged(with other: VersionVector) -> VersionVector {
        VersionVector(counters.merging(other.counters, uniquingKeysWith: max))
    }

    /// Whether every counter here is at least the one in `other`.
    public func dominates(_ other: VersionVector) -> Bool {
        other.counters.allSatisfy { self[$0.key] >= $0.value }
    }

    /// The origins in canonical order, with their counters.
    public var sortedEntries: [(origin: ReplicaID, counter: UInt64)] {
        counters.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// `{origin:n, …}` in canonical order.
    public var description: String {
        "{" + sortedEntries.map { "\($0.origin):\($0.counter)" }.joined(separator: ", ") + "}"
    }
}
