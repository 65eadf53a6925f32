import FaguStore

/// A snapshot of what the hub holds, to compare before and after a request.
public struct HubState: Equatable, Sendable {
    /// The digest of every scope.
    public var digest: String
    /// Groups held back.
    public var heldBack: Int
    /// Enrolled devices.
    public var devices: [EnrolledDevice]

    /// A snapshot from its parts.
    public init(digest: String, heldBack: Int, devices: [EnrolledDevice]) {
        self.digest = digest
        self.heldBack = heldBack
        self.devices = devices
    }
}
