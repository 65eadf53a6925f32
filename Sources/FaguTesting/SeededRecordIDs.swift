import FaguDomain
import FaguModel
import Synchronization

/// Makes version-7 record ids from a seeded generator, so test runs are repeatable.
public final class SeededRecordIDs: Sendable {
    private let generator: Mutex<SeededGenerator>

    /// Ids whose random bits come from `seed`.
    public init(seed: UInt64) { generator = Mutex(SeededGenerator(seed: seed)) }

    /// A new id for `time`.
    public func next(at time: Timestamp) -> RecordID {
        generator.withLock { RecordID.version7(at: time, using: &$0) }
    }
}
