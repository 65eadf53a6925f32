/// A change-set file a device exported, on its way to the hub's inbox on a stick.
struct CarriedFile: Sendable, Hashable {
    /// Where the device wrote it.
    var path: String
    /// The device's index.
    var device: Int
    /// The first simulated day whose nightly merge it reaches.
    var arrivesOnDay: Int
    /// Whether it is copied into the inbox twice (two sticks, or carried on two days).
    var twice: Bool
}
