import FaguModel

/// Orders received groups of one scope so each comes after everything it depends on, and
/// sorts out the ones that cannot be applied yet.
///
/// Pure: given the receiver's vector and any bag of groups (any order, duplicates
/// allowed), it says which to apply and in what order, which are already held, which must
/// wait, and which are corrupt. Used both to apply a batch and to send a delta in causal
/// order.
public struct CausalSchedule: Sendable {
    /// Groups to apply, in an order that respects every dependency.
    public private(set) var ready: [ChangeGroup] = []
    /// How many groups were already held (or repeated in the input).
    public var duplicates: Int { duplicateGroups.count }
    /// The groups already held (or repeated in the input): a receiver compares their chain
    /// hashes with what it holds, since the same dots with other content mean a forked writer.
    public private(set) var duplicateGroups: [ChangeGroup] = []
    /// Groups whose dependencies are missing, with the first missing dots of each.
    public private(set) var waiting: [(group: ChangeGroup, missing: [Dot])] = []
    /// Groups that overlap what is held: corrupt input.
    public private(set) var overlapping: [ChangeGroup] = []
    /// The vector once every ready group is applied.
    public private(set) var vector: VersionVector
    /// Whether ``ready`` is every group given, in the order given (each was ready in turn).
    public private(set) var readyInGivenOrder: Bool

    /// Schedules `groups` (all of one scope) against the receiver's `vector` for that scope.
    ///
    /// - Complexity: O(*n* log *n* + *p*·*o*) for *n* groups, *o* origins and *p* passes,
    ///   where *p* is the longest chain of cross-origin dependencies among them.
    public init(groups: [ChangeGroup], vector: VersionVector) {
        self.vector = vector
        // Most often every group is ready in the order given: then that order is the schedule.
        var running = vector
        readyInGivenOrder = groups.allSatisfy { group in
            guard DeliveryDecision.decide(group, against: running) == .ready else { return false }
            running[group.origin] = group.lastCounter
            return true
        }
        if readyInGivenOrder {
            ready = groups
            self.vector = running
            return
        }
        var streams: [ReplicaID: [ChangeGroup]] = [:]
        for group in groups { streams[group.origin, default: []].append(group) }
        var heads: [(origin: ReplicaID, groups: [ChangeGroup], next: Int)] = streams.keys.sorted().map { origin in
            (origin, streams[origin]!.sorted { $0.firstCounter < $1.firstCounter }, 0)
        }
        var progressed = true
        while progressed {
            progressed = false
            for index in heads.indices {
                stream: while heads[index].next < heads[index].groups.count {
                    let group = heads[index].groups[heads[index].next]
                    switch DeliveryDecision.decide(group, against: self.vector) {
                    case .ready:
                        ready.append(group)
                        self.vector[group.origin] = group.lastCounter
                        progressed = true
                    case .duplicate:
                        duplicateGroups.append(group)
                    case .overlapping:
                        overlapping.append(group)
                    case .waiting:
                        break stream
                    }
                    heads[index].next += 1
                }
            }
        }
        for head in heads {
            for group in head.groups[head.next...] {
                switch DeliveryDecision.decide(group, against: self.vector) {
                case .waiting(let missing): waiting.append((group, missing))
                case .overlapping: overlapping.append(group)
                case .ready, .duplicate: duplicateGroups.append(group)
                }
            }
        }
    }
}
