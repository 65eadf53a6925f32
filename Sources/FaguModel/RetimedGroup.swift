/// A group whose writer's clock was beyond the hub's: named by its scope and first counter
/// (its origin is known from context), with the hub's receipt time that orders its values
/// instead of the time it was written with.
public struct RetimedGroup: Hashable, Sendable {
    /// The group's scope.
    public var scope: ScopeID
    /// The group's first counter.
    public var counter: UInt64
    /// The hub's receipt time.
    public var time: Timestamp

    /// An entry from its parts.
    public init(scope: ScopeID, counter: UInt64, time: Timestamp) {
        self.scope = scope
        self.counter = counter
        self.time = time
    }
}
