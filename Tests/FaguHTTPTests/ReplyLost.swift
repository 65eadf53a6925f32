import FaguSync

/// A transport that reaches the hub but loses the reply on the way back: the hub applied the
/// file, the device never hears.
struct ReplyLost: SyncTransport {
    struct Lost: Error {}
    let base: any SyncTransport
    var peerDescription: String { base.peerDescription }

    func exchange(_ request: [UInt8]) async throws -> [UInt8] {
        _ = try await base.exchange(request)
        throw Lost()
    }
}
