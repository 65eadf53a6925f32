import FaguModel
import FaguStore

/// One write the schedule made, as the schedule made it: which device, when, which record,
/// and every field with its value. The oracle's unit; nothing in it is read back from the
/// hub.
public struct LedgerWrite: Sendable, Hashable {
    /// Its place in the schedule's order of writes (0 …).
    public var number: Int
    /// The writing device's index in the district layout.
    public var device: Int
    /// The writing device's role.
    public var role: DeviceRole
    /// The writing device's adviser or community code.
    public var subject: String
    /// The writing device's replica id.
    public var origin: ReplicaID
    /// The record's kind.
    public var kind: RecordKind
    /// The record written.
    public var record: RecordID
    /// The record's community (its scope).
    public var community: String
    /// Whether the write created the record.
    public var creation: Bool
    /// The fields written, in the group's order.
    public var fields: [LedgerField]
    /// The first counter of the write's group in its scope.
    public var firstCounter: UInt64
    /// The simulated day it was written on (0 …).
    public var day: Int
    /// The date it was written on, `YYYY-MM-DD`.
    public var writtenOn: String

    /// The field named `name`, when the write has it.
    public func field(_ name: String) -> LedgerField? { fields.first { $0.name == name } }

    /// The day the work counts for: its `date` field, else the day it was written.
    public var workDay: String { field("date")?.value.text ?? writtenOn }

    /// `kind record by subject on day`, for failure messages.
    public var label: String {
        "write #\(number) (\(creation ? "new" : "update of") \(kind.rawValue) \(record) in \(community) by \(subject) on \(writtenOn))"
    }
}
