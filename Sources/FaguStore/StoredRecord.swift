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
    /// Who wrote each written field and when, as read with the row.
    let written: WrittenEntries

    init(kind: RecordKind, id: RecordID, scope: ScopeID, fields: [String: FieldValue], written: WrittenEntries) {
        self.kind = kind
        self.id = id
        self.scope = scope
        self.fields = fields
        self.written = written
    }

    /// Every written field's register: its current entries with their dots and times.
    ///
    /// Built when asked for (a listing of many records rarely needs it): ask once and keep
    /// the result when reading several fields.
    public var registers: [String: FieldRegister] { written.registers(values: fields) }

    /// Fields with an open conflict, with every current entry.
    public var conflicts: [String: FieldRegister] { written.conflicts }

    /// The record as its typed value; throws when it is still incomplete (a change to it
    /// arrived before the one creating it).
    public func typed<R: TypedRecord>(as type: R.Type) throws(RecordDecodingError) -> R {
        try R(id: id, fieldValues: fields)
    }

    /// Equal when kind, id, scope, displayed values and registers are.
    public static func == (lhs: StoredRecord, rhs: StoredRecord) -> Bool {
        lhs.kind == rhs.kind && lhs.id == rhs.id && lhs.scope == rhs.scope && lhs.fields == rhs.fields
            && lhs.registers == rhs.registers
    }

    /// Hashes what ``==`` compares, registers left out (equal records have equal values).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(id)
        hasher.combine(scope)
        hasher.combine(fields)
    }
}
