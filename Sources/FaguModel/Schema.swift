/// The kinds of record a replica keeps: declared once, as data, and given to the replica, the
/// change-set decoder and everything that reads records. Any field-work domain brings its own.
///
/// ```swift
/// let note = RecordKind("note", code: 0, fields: [FieldSpec("plot", .reference, required: true),
///                                                 FieldSpec("text", .text)], scope: .field("plot"))
/// let schema = try Schema([note])
/// ```
public struct Schema: Sendable {
    /// The kinds, in storage-code order.
    public let kinds: [RecordKind]
    /// The kind whose new records are noted on arrival, if any.
    public let alert: ArrivalAlert?
    private let byCode: [Int: RecordKind]
    private let byName: [String: RecordKind]

    /// A schema of `kinds`.
    ///
    /// - Throws: ``SchemaError`` when two kinds share a name, a code or a table, a kind has no
    ///   fields or two fields of one name, or a scope field is not one of its fields.
    public init(_ kinds: [RecordKind], alert: ArrivalAlert? = nil) throws(SchemaError) {
        var byCode: [Int: RecordKind] = [:], byName: [String: RecordKind] = [:], tables: Set<String> = []
        for kind in kinds {
            guard byCode[kind.storageCode] == nil else { throw SchemaError("two kinds have storage code \(kind.storageCode)") }
            guard byName[kind.rawValue] == nil, tables.insert(kind.tableName).inserted else {
                throw SchemaError("two kinds are named \(kind.rawValue) or share table \(kind.tableName)")
            }
            guard !kind.fields.isEmpty, Set(kind.fields.map(\.name)).count == kind.fields.count else {
                throw SchemaError("\(kind.rawValue) needs fields, each named once")
            }
            if let field = kind.scopeField, kind.fieldIndex(field) == nil {
                throw SchemaError("\(kind.rawValue)'s scope field \(field) is not one of its fields")
            }
            for field in kind.indexedFields where kind.fieldIndex(field) == nil {
                throw SchemaError("\(kind.rawValue) indexes \(field), which is not one of its fields")
            }
            byCode[kind.storageCode] = kind
            byName[kind.rawValue] = kind
        }
        if let alert {
            guard byCode[alert.kind.storageCode] == alert.kind else { throw SchemaError("the alert kind \(alert.kind) is not in the schema") }
            for field in [alert.levelField, alert.summaryField].compactMap({ $0 }) where alert.kind.fieldIndex(field) == nil {
                throw SchemaError("the alert kind \(alert.kind) has no field \(field)")
            }
        }
        self.alert = alert
        self.kinds = kinds.sorted { $0.storageCode < $1.storageCode }
        self.byCode = byCode
        self.byName = byName
    }

    /// The kind with storage code `code`, or nil when this schema has none.
    public func kind(code: Int) -> RecordKind? { byCode[code] }

    /// The kind named `name`, or nil when this schema has none.
    public func kind(named name: String) -> RecordKind? { byName[name] }

    /// The kinds whose records live in `scope`: those fixed to it, or — for any other
    /// scope — those whose scope comes from a field.
    public func kinds(in scope: ScopeID) -> [RecordKind] {
        let fixed = kinds.filter { $0.fixedScope == scope }
        return fixed.isEmpty ? kinds.filter { $0.fixedScope == nil } : fixed
    }
}
