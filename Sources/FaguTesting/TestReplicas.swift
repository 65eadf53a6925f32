import FaguDomain
import FaguModel
import FaguStore

/// Makes replicas for tests: real SQLite files in a temp dir, with deterministic ids,
/// clocks and record ids.
public enum TestReplicas {
    /// The replica id numbered `number`, the same in every run.
    public static func id(_ number: Int) -> ReplicaID {
        let suffix = String(number, radix: 16)
        return ReplicaID("00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - suffix.count) + suffix)!
    }

    /// A new replica file `name` in `directory`, with replica id `number`, a stepping clock
    /// and seeded record ids. Commits do not wait for the disk (`durability: .none`).
    public static func make(_ name: String, number: Int, in directory: TemporaryDirectory, author: String = "a017",
                            seed: UInt64 = 1, clockStart: Int64 = 1_790_000_000_000) throws -> Replica {
        let ids = SeededRecordIDs(seed: seed &+ UInt64(number))
        let configuration = ReplicaConfiguration(
            clock: SteppingClock(start: Timestamp(milliseconds: clockStart), step: 1),
            makeRecordID: { ids.next(at: $0) },
            durability: .none)
        return try Replica.create(at: directory.file(name + ".sqlite"), id: id(number), author: author,
                                  configuration: configuration)
    }
}
