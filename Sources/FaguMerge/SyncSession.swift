import FaguModel

/// One side of a sync between two replicas, as pure values — in the spirit of automerge's
/// sync state: no storage, no transport. Ask ``next(holding:)`` what to send (nil: this side
/// has nothing more to say), let the store fill in the groups above ``SyncSession/Plan/above``,
/// note the message with ``sent(_:)``, and hand every message from the peer to
/// ``received(_:)`` after applying its groups. Both sides are done when both say nil.
///
/// ```swift
/// var session = SyncSession(scopes: [.community("c01")])
/// while let plan = session.next(holding: myVectors) {
///     let message = SyncMessage(vectors: myVectors, groups: store.groups(above: plan.above), more: …)
///     session.sent(message)
///     …
/// }
/// ```
public struct SyncSession: Hashable, Sendable {
    /// The scopes synced.
    public let scopes: [ScopeID]
    /// What the peer said it holds in its last message (nil before it spoke).
    public private(set) var peerReported: ScopeVectors?
    /// What the peer holds as far as this side knows: what it reported, plus what was sent
    /// to it since.
    public private(set) var peerHolds: ScopeVectors?
    /// The vectors this side last sent (nil before its first message).
    public private(set) var lastSentVectors: ScopeVectors?
    /// Whether the peer said it holds more for this side than it sent.
    public private(set) var peerHasMore = true

    /// What the next message must carry.
    public struct Plan: Hashable, Sendable {
        /// Send the groups this side holds above these vectors (nil: send no groups yet — the
        /// peer has not said what it holds).
        public var above: ScopeVectors?

        /// A plan from its part.
        public init(above: ScopeVectors?) { self.above = above }
    }

    /// A session over `scopes`.
    public init(scopes: [ScopeID]) {
        self.scopes = Array(Set(scopes)).sorted()
    }

    /// What to send next, given what this side holds now; nil when the peer knows everything
    /// this side holds and knows that this side holds everything it said it holds.
    public func next(holding ours: ScopeVectors) -> Plan? {
        let ours = restricted(ours)
        guard let peer = peerHolds else {
            // First words: say what this side holds, so the peer can send what it lacks.
            return lastSentVectors == nil ? Plan(above: nil) : nil
        }
        let peerLacks = scopes.contains { !peer[$0].dominates(ours[$0]) }
        let peerDoesNotKnow = lastSentVectors != ours
        return peerLacks || peerDoesNotKnow ? Plan(above: peer) : nil
    }

    /// Whether both sides hold the same in every scope, as far as this side knows.
    public func isInSync(holding ours: ScopeVectors) -> Bool {
        guard let peer = peerReported else { return false }
        let ours = restricted(ours)
        return scopes.allSatisfy { peer[$0].dominates(ours[$0]) && ours[$0].dominates(peer[$0]) } && !peerHasMore
    }

    /// Notes a message this side sent: the peer will hold its groups.
    public mutating func sent(_ message: SyncMessage) {
        lastSentVectors = restricted(message.vectors)
        guard var holds = peerHolds else { return }
        for group in message.groups where scopes.contains(group.scope) {
            var vector = holds[group.scope]
            if vector[group.origin] < group.lastCounter { vector[group.origin] = group.lastCounter }
            holds[group.scope] = vector
        }
        peerHolds = holds
    }

    /// Notes a message from the peer (after its groups were applied here).
    public mutating func received(_ message: SyncMessage) {
        let reported = restricted(message.vectors)
        peerReported = reported
        var holds = peerHolds ?? ScopeVectors()
        for scope in scopes { holds[scope] = holds[scope].merged(with: reported[scope]) }
        peerHolds = holds
        peerHasMore = message.more
    }

    /// Forgets what was sent but not confirmed, after a broken connection: the next
    /// message starts again from what the peer last reported.
    public mutating func reconnect() {
        peerHolds = peerReported
        lastSentVectors = nil
    }

    private func restricted(_ vectors: ScopeVectors) -> ScopeVectors {
        ScopeVectors(Dictionary(uniqueKeysWithValues: scopes.map { ($0, vectors[$0]) }))
    }
}
