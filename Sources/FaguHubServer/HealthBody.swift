/// The JSON body of `GET /v1/health`: `{"district": "浦东新区", "replica": "…"}`.
struct HealthBody: Codable, Hashable, Sendable {
    /// The district the hub serves.
    var district: String
    /// The hub replica's id.
    var replica: String
}
