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
    /// Every current value, with the dot that wrote it and when.
    public var register: FieldRegister
    /// Who wrote each current value (an adviser's code, `office:c01`, `hub`), by its dot.
    public var authors: [Dot: String] = [:]
}
