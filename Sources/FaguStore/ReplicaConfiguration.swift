import FaguModel
import Foundation

/// How a replica is opened: its clock, how it makes record ids, and how hard it syncs to disk.
public struct ReplicaConfiguration: Sendable {
    /// How much a commit waits for the disk.
    public enum Durability: String, Sendable {
        /// A write survives power loss once it returns (SQLite `synchronous=FULL`). The default.
        case full
        /// Commits do not wait for the disk; for tests and simulations only.
        case none
    }

    /// The source of wall-clock time for new changes and record ids.
    public var clock: any WallClock
    /// Makes a new record id for a time; version-7 UUIDs by default.
    public var makeRecordID: @Sendable (Timestamp) -> RecordID
    /// How hard commits sync to disk.
    public var durability: Durability

    /// The defaults: system clock, random v7 ids, full durability.
    public init(clock: any WallClock = SystemClock(),
                makeRecordID: @escaping @Sendable (Timestamp) -> RecordID = ReplicaConfiguration.randomVersion7,
                durability: Durability = .full) {
        self.clock = clock
        self.makeRecordID = makeRecordID
        self.durability = durability
    }

    /// A version-7 UUID from the system's random generator.
    public static let randomVersion7: @Sendable (Timestamp) -> RecordID = { time in
        var generator = SystemRandomNumberGenerator()
        return RecordID.version7(at: time, using: &generator)
    }
}
