import FaguModel
import Foundation

/// How a replica is opened: its clock, how it makes record ids, and how hard it syncs to disk.
public struct ReplicaConfiguration: Sendable {
    /// How much a commit waits for the disk.
    public enum Durability: String, Sendable {
        /// A write survives power loss once it returns (SQLite `synchronous=FULL`). The default.
        case full
        /// A write survives the app crashing once it returns; a power cut may lose the last
        /// commits but never corrupts the file (WAL with `synchronous=NORMAL`). For embedders
        /// that sync often and value speed.
        case normal
        /// Commits do not wait for the disk; for tests and simulations only.
        case none

        /// The `PRAGMA synchronous` value.
        public var synchronousPragma: String {
            switch self {
            case .full: "FULL"
            case .normal: "NORMAL"
            case .none: "OFF"
            }
        }

        /// The durability that `PRAGMA synchronous` reports as `level` (0 OFF, 1 NORMAL,
        /// 2 FULL), or nil for a level Fagu does not set.
        init?(synchronousLevel level: Int) {
            switch level {
            case 0: self = .none
            case 1: self = .normal
            case 2: self = .full
            default: return nil
            }
        }
    }

    /// The source of wall-clock time for new changes and record ids.
    public var clock: any WallClock
    /// Makes a new record id for a time; version-7 UUIDs by default.
    public var makeRecordID: @Sendable (Timestamp) -> RecordID
    /// How hard commits sync to disk.
    public var durability: Durability
    /// SQLite's page cache per connection, in KiB (32 MiB by default). An apply of many
    /// groups raises it for its transaction (2 KiB per group, up to 128 MiB).
    public var cacheKiB: Int
    /// The page size of a file this configuration creates, in bytes (a power of two from 512
    /// to 65,536); nil leaves it to whoever creates the replica, else
    /// ``Replica/databasePageSize``. A file keeps the size it was made with.
    public var pageBytes: Int?

    /// The defaults: system clock, random v7 ids, full durability.
    public init(clock: any WallClock = SystemClock(),
                makeRecordID: @escaping @Sendable (Timestamp) -> RecordID = ReplicaConfiguration.randomVersion7,
                durability: Durability = .full, cacheKiB: Int = 32_768, pageBytes: Int? = nil) {
        self.clock = clock
        self.makeRecordID = makeRecordID
        self.durability = durability
        self.cacheKiB = max(cacheKiB, 256)
        self.pageBytes = pageBytes
    }

    /// This configuration with `pageBytes` for new files, unless it names a page size itself.
    public func makingPages(of pageBytes: Int) -> ReplicaConfiguration {
        var configuration = self
        configuration.pageBytes = self.pageBytes ?? pageBytes
        return configuration
    }

    /// A version-7 UUID from the system's random generator.
    public static let randomVersion7: @Sendable (Timestamp) -> RecordID = { time in
        var generator = SystemRandomNumberGenerator()
        return RecordID.version7(at: time, using: &generator)
    }
}
