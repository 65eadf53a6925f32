import FaguMerge
import FaguModel

/// A record as a replica holds it: the value every field displays, and the fields in conflict.
public struct StoredRecord: Hashable, Sendable {
    /// The record's kind.
    public var kind: RecordKind
    /// The record's id.
    public var id: RecordID
    /// The record's scope.
    public var scope: ScopeID
    /// Each field's displayed value (fields never written are absent).
    public var fields: [String: FieldValue]
    /// Every written field's register: its current entries with their dots and times.
    public var registers: [String: FieldRegister]

    /// Fields with an open conflict, with every current entry.
    public var conflicts: [String: FieldRegister] { registers.filter { $0.value.isConflict } }

    /// The record as its typed value; throws when it is still incomplete (a change to it
    /// arrived before the one creating it).
    public func typed<R: TypedRecord>(as type: R.Type) throws(RecordDecodingError) -> R {
        try R(id: id, fieldValues: fields)
    }
}
