/// A kind of record, declared as data: its name, its number in storage and on the wire, its
/// table, its fields (in storage order: a field's position is its index in storage; new
/// fields are only ever appended), how its scope is found, and who may change a record once
/// written. A ``Schema`` is the set of kinds a replica keeps.
///
/// Two kinds are equal when their names and storage codes are.
public struct RecordKind: Hashable, Sendable, CustomStringConvertible {
    /// Where a record's scope comes from.
    public enum Scope: Hashable, Sendable {
        /// The value of this field names the record's scope (a community code, say).
        case field(String)
        /// Every record of the kind lives in this one scope (a roster, say).
        case fixed(ScopeID)
    }

    /// Who may change a record after it was created.
    public enum Ownership: Hashable, Sendable {
        /// Any replica that holds the scope (shared records, such as cases).
        case shared
        /// Only the replica that created it, and the replica named as authority (the hub):
        /// personal logs.
        case creator
    }

    /// The kind's name, as written in files and commands (`visit`).
    public var rawValue: String { storage.rawValue }
    /// The kind's number in storage and on the wire. Fixed forever: new kinds get new numbers.
    public var storageCode: Int { storage.storageCode }
    /// The SQLite table holding records of this kind.
    public var tableName: String { storage.tableName }
    /// The fields, in storage order.
    public var fields: [FieldSpec] { storage.fields }
    /// How a record's scope is found.
    public var scope: Scope { storage.scope }
    /// Who may change a record once written.
    public var ownership: Ownership { storage.ownership }
    /// Fields indexed after the scope field, for reading one scope in order (`date`).
    public var indexedFields: [String] { storage.indexedFields }

    /// The declaration, shared by every copy: a kind travels in every change group, and
    /// copying one reference is cheaper than copying each part.
    private final class Storage: Sendable {
        let rawValue: String
        let storageCode: Int
        let tableName: String
        let fields: [FieldSpec]
        let scope: Scope
        let ownership: Ownership
        let indexedFields: [String]

        init(rawValue: String, storageCode: Int, tableName: String, fields: [FieldSpec], scope: Scope, ownership: Ownership,
             indexedFields: [String]) {
            self.rawValue = rawValue
            self.storageCode = storageCode
            self.tableName = tableName
            self.fields = fields
            self.scope = scope
            self.ownership = ownership
            self.indexedFields = indexedFields
        }
    }

    private let storage: Storage

    /// A kind from its declaration.
    ///
    /// - Parameters:
    ///   - table: The table name; the kind's name when nil.
    ///   - indexedFields: Columns indexed after the scope field.
    public init(_ name: String, code: Int, table: String? = nil, fields: [FieldSpec], scope: Scope,
                ownership: Ownership = .shared, indexedFields: [String] = []) {
        storage = Storage(rawValue: name, storageCode: code, tableName: table ?? name, fields: fields, scope: scope,
                          ownership: ownership, indexedFields: indexedFields)
    }

    /// The field whose value is the record's scope (nil for a fixed scope).
    public var scopeField: String? {
        if case .field(let name) = scope { return name }
        return nil
    }

    /// The one scope of every record of the kind, when fixed.
    public var fixedScope: ScopeID? {
        if case .fixed(let scope) = scope { return scope }
        return nil
    }

    /// The position of `field` in ``fields``, or nil when the kind has no such field.
    public func fieldIndex(_ field: String) -> Int? {
        fields.firstIndex { $0.name == field }
    }

    public var description: String { rawValue }

    public static func == (lhs: RecordKind, rhs: RecordKind) -> Bool {
        lhs.storage === rhs.storage || (lhs.storageCode == rhs.storageCode && lhs.rawValue == rhs.rawValue)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storageCode)
    }
}
