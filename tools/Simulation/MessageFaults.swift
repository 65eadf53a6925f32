/// How many messages of each kind one sort of fault struck: round-trip requests and replies
/// (network), and change-set files carried on a stick to the hub and back (USB).
public struct MessageFaults: Sendable, Hashable, Codable {
    /// Requests of a network round trip.
    public var requests = 0
    /// Replies of a network round trip.
    public var replies = 0
    /// Files a device exported, carried to the hub's inbox.
    public var filesToHub = 0
    /// Reply files the nightly merge wrote, carried back to a device.
    public var filesToDevice = 0

    /// No faults yet.
    public init() {}

    /// Every message struck.
    public var total: Int { requests + replies + filesToHub + filesToDevice }
}
