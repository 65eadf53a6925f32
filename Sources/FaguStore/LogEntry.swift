import FaguModel

/// One group as the change log keeps it: its place in its origin's sequence, what it wrote
/// (the encoded ``ChangeBody``, field indexes and local origin numbers) and its chain hash.
/// Its scope and origin are those of the ``LogRun`` that holds it.
struct LogEntry: Equatable {
    /// The counter of the group's first change.
    var first: UInt64
    /// How many changes (dots) it holds.
    var count: Int
    /// The kind's storage code.
    var kindCode: Int
    var record: RecordID
    /// When it was written, by the writer's clock (milliseconds).
    var time: Int64
    var author: String
    /// The encoded ``ChangeBody``; empty for a set-aside group.
    var body: [UInt8]
    /// Its chain hash; nil only for groups stored before chains (schema v3).
    var hash: [UInt8]?
    /// The code it was set aside for, if it was.
    var setAside: String?
    /// The hub's receipt time when it clamped the writer's clock (milliseconds).
    var clampedTime: Int64?

    /// The counter of its last change.
    var last: UInt64 { first + UInt64(count) - 1 }
}
