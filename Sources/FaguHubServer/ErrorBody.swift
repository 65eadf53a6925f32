/// The JSON body of every refused request: `{"code": "revoked_device", "message": "…"}`.
/// The codes are ``FaguSync/SyncRefusal/Code`` raw values, stable for scripts.
struct ErrorBody: Codable, Hashable, Sendable {
    /// The refusal's code.
    var code: String
    /// One sentence a person can act on.
    var message: String
}
