/// The unit of partial replication: one community (by its bureau code, e.g. `c01`), a
/// district's roster — whatever a schema's kinds name (see ``RecordKind/Scope``).
///
/// Every record belongs to exactly one scope for life. A replica holds the scopes it may see,
/// and version vectors are kept per scope.
public struct ScopeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The scope's name.
    public let name: String

    /// A scope by name.
    public init(_ name: String) { self.name = name }

    public var description: String { name }

    public static func < (lhs: ScopeID, rhs: ScopeID) -> Bool { lhs.name < rhs.name }
}
