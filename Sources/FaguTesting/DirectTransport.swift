import FaguSync

/// A transport straight into a hub in the same process: each round trip is one
/// ``Hub/exchange(_:)``, the call the hub's HTTP adapter makes, with no socket between.
///
/// ```swift
/// let summary = try await device.sync(over: DirectTransport(hub: hub))
/// ```
public struct DirectTransport: SyncTransport {
    /// The hub every request goes to.
    public let hub: Hub

    /// A transport to `hub`.
    public init(hub: Hub) { self.hub = hub }

    /// `in-process hub`, as the device's sync log records it.
    public var peerDescription: String { "in-process hub" }

    /// Hands `request` to the hub and returns its reply, or throws its refusal.
    public func exchange(_ request: [UInt8]) async throws -> [UInt8] {
        try hub.exchange(request).reply.file
    }
}
