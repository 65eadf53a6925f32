/// A typed record value that the write path can store and the store can read back.
///
/// Conforming types are plain structs whose ``recordFields`` name each field once; the
/// kind's fields, the stored values and decoding all follow from that list.
public protocol TypedRecord: Sendable, Hashable {
    /// The kind, which fixes table and fields.
    static var kind: RecordKind { get }
    /// Every field, in storage order, with the property it lives in.
    static var recordFields: [RecordField<Self>] { get }
    /// The record's id.
    var id: RecordID { get }
    /// A record with `id` and placeholder values, which decoding then fills in.
    init(blank id: RecordID)
}

extension TypedRecord {
    /// The record's non-null fields by name.
    public var fieldValues: [String: FieldValue] {
        var values: [String: FieldValue] = [:]
        for field in Self.recordFields {
            if let value = field.encode(self) { values[field.spec.name] = value }
        }
        return values
    }

    /// Rebuilds the record from stored fields; throws when a required field is missing or
    /// has the wrong type.
    public init(id: RecordID, fieldValues: [String: FieldValue]) throws(RecordDecodingError) {
        self.init(blank: id)
        let read = FieldReader(kind: Self.kind, id: id, values: fieldValues)
        for field in Self.recordFields { try field.decode(&self, read) }
    }

    /// The record's scope: its kind's fixed scope, or the one its scope field names.
    public var scope: ScopeID {
        if let fixed = Self.kind.fixedScope { return fixed }
        return ScopeID(Self.kind.scopeField.flatMap { fieldValues[$0]?.text } ?? "")
    }
}
