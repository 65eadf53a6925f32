/// A replica's version vectors, one per scope it holds.
public struct ScopeVectors: Hashable, Sendable {
    /// The vector of each scope; a scope not present has the empty vector.
    public var vectors: [ScopeID: VersionVector]

    /// Vectors from a dictionary.
    public init(_ vectors: [ScopeID: VersionVector] = [:]) { self.vectors = vectors }

    /// The vector of `scope` (empty when the scope is unknown).
    public subscript(scope: ScopeID) -> VersionVector {
        get { vectors[scope] ?? VersionVector() }
        set { vectors[scope] = newValue }
    }

    /// The scopes present, in canonical order.
    public var scopes: [ScopeID] { vectors.keys.sorted() }
}
