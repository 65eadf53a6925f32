/// The unit of partial replication: one community (by its bureau code, e.g. `c01`), or the
/// district roster.
///
/// Every record belongs to exactly one scope for life. A replica holds the scopes it may see,
/// and version vectors are kept per scope.
public struct ScopeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The scope's name: a community code, or `roster`.
    public let name: String

    /// A scope by name.
    public init(_ name: String) { self.name = name }

    /// The roster scope: communities, advisers and appointments, written by the hub only.
    public static let roster = ScopeID("roster")

    /// The scope of one community.
    public static func community(_ code: String) -> ScopeID { ScopeID(code) }

    public var description: String { name }

    public static func < (lhs: ScopeID, rhs: ScopeID) -> Bool { lhs.name < rhs.name }
}
