import FaguMerge
import FaguModel

/// A field written concurrently on different replicas, waiting for a person to decide.
public struct OpenConflict: Hashable, Sendable {
    /// The record's kind.
    public var kind: RecordKind
    /// The record.
    public var record: RecordID
    /// The field in conflict.
    public var field: String
    /// Every current value, with who wrote it and when.
    public var register: FieldRegister
}
