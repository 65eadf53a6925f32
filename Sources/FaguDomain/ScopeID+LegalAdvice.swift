import FaguModel

extension ScopeID {
    /// The roster scope: communities, advisers and appointments, written by the hub only.
    public static let roster = ScopeID("roster")

    /// The scope of one community.
    public static func community(_ code: String) -> ScopeID { ScopeID(code) }
}
