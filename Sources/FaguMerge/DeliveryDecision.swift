import FaguModel

/// Whether a received ``ChangeGroup`` can be applied now, given the receiver's version
/// vector for the group's scope.
///
/// A group is ready when it is the origin's next one (no gap) and every dot in its causal
/// contexts is already held. Applying only ready groups is what keeps the vectors exact and
/// the merge causal.
public enum DeliveryDecision: Hashable, Sendable {
    /// Apply it now.
    case ready
    /// Already held: skip it.
    case duplicate
    /// Hold it back until these dots arrive (the origin's missing predecessors are named
    /// by the first one missing).
    case waiting(for: [Dot])
    /// Partly held: the sender's grouping disagrees with ours. The input is corrupt.
    case overlapping(held: UInt64)

    /// Decides for `group` against the receiver's `vector` of the group's scope.
    ///
    /// - Complexity: O(*c*) in the number of context dots.
    public static func decide(_ group: ChangeGroup, against vector: VersionVector) -> DeliveryDecision {
        let held = vector[group.origin]
        if held >= group.lastCounter { return .duplicate }
        if held >= group.firstCounter { return .overlapping(held: held) }
        var missing: [Dot] = []
        if held + 1 < group.firstCounter {
            missing.append(Dot(origin: group.origin, counter: held + 1))
        }
        for field in group.fields {
            for dot in field.context where !vector.contains(dot) && dot.origin != group.origin {
                missing.append(dot)
            }
        }
        if missing.isEmpty { return .ready }
        return .waiting(for: Array(Set(missing)).sorted())
    }
}
