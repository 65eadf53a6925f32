/// A typed record value that the write path can store and the store can read back.
///
/// Conforming types are plain structs (``Visit``, ``LegalCase``, …); each maps to and from
/// the field values of its ``RecordKind``.
public protocol TypedRecord: Sendable, Hashable {
    /// The kind, which fixes table and fields.
    static var kind: RecordKind { get }
    /// The record's id.
    var id: RecordID { get }
    /// The record's non-null fields by name.
    var fieldValues: [String: FieldValue] { get }
    /// Rebuilds the record from stored fields; throws when a required field is missing or
    /// has the wrong type.
    init(id: RecordID, fieldValues: [String: FieldValue]) throws(RecordDecodingError)
}

extension TypedRecord {
    /// The record's scope: its kind's fixed scope, or the one its scope field names.
    public var scope: ScopeID {
        if let fixed = Self.kind.fixedScope { return fixed }
        return ScopeID(Self.kind.scopeField.flatMap { fieldValues[$0]?.text } ?? "")
    }
}
