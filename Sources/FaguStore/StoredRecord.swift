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
    /// Who wrote each written field, when and what, as read with the row.
    let written: WrittenEntries

    /// Every written field's register: its current entries with their dots and times.
    ///
    /// - Complexity: O(*n*) in the fields written, each time it is read; ``register(_:)``
    ///   reads one field's.
    public var registers: [String: FieldRegister] { written.registers }

    /// The register of `field`: its current entries with their dots and times; nil when the
    /// field was never written.
    public func register(_ field: String) -> FieldRegister? { written.register(field) }

    /// Fields with an open conflict, with every current entry.
    public var conflicts: [String: FieldRegister] { written.conflicts }

    /// The record as its typed value; throws when it is still incomplete (a change to it
    /// arrived before the one creating it).
    public func typed<R: TypedRecord>(as type: R.Type) throws(RecordDecodingError) -> R {
        try R(id: id, fieldValues: fields)
    }
}
