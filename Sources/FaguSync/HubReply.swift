/// A signed change set from the hub to one device, and what it carries.
public struct HubReply: Sendable {
    /// The signed file.
    public var file: [UInt8]
    /// Groups in it.
    public var groups: Int
    /// Field changes in it.
    public var changes: Int
    /// Whether the hub holds more for the device (the device asks again).
    public var more: Bool
    /// The device's own groups set aside that the reply tells it of.
    public var setAside: Int = 0
}
