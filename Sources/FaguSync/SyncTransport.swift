/// How a device reaches its hub for one round trip: the signed request file goes out, the
/// hub's signed reply comes back. HTTP is one adapter; tests may wrap it to cut a transfer.
public protocol SyncTransport: Sendable {
    /// Where the hub is, for people and the sync log.
    var peerDescription: String { get }
    /// Sends `request` and returns the hub's reply.
    ///
    /// - Throws: ``SyncRefusal`` when the hub refused the request; any other error when
    ///   the round trip failed (then nothing is known to have been applied).
    func exchange(_ request: [UInt8]) async throws -> [UInt8]
}
