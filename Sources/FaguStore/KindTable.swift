import FaguModel

/// The SQL shape of one record kind's table, computed once. A class: the hot paths look it
/// up for every group, and passing one reference is cheaper than copying each part.
final class KindTable: Sendable {
    let kind: RecordKind
    /// The kind's number in the change log (``RecordKind/storageCode``).
    let code: Int
    let fields: [FieldSpec]
    /// Field indexes by name, and the names by index: see ``index(of:)``.
    private let indexByName: [String: Int]
    private let fieldNames: [String]
    /// The indexes of the fields a new record must have.
    let requiredIndexes: [Int]
    /// Index of the field holding the community scope, if any.
    let scopeFieldIndex: Int?
    let quotedTable: String
    let insertSQL: String
    /// The field columns, quoted, in storage order, comma-separated.
    let quotedColumnList: String
    private let quotedColumns: [String]

    /// The fixed scopes of the schema: a kind scoped by a field never lives in one.
    let fixedScopes: Set<ScopeID>

    init(_ kind: RecordKind, fixedScopes: Set<ScopeID>) {
        self.kind = kind
        self.code = kind.storageCode
        self.fixedScopes = fixedScopes
        let fields = kind.fields
        self.fields = fields
        indexByName = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1.name, $0) })
        fieldNames = fields.map(\.name)
        requiredIndexes = fields.indices.filter { fields[$0].required }
        scopeFieldIndex = kind.scopeField.flatMap { name in fields.firstIndex { $0.name == name } }
        quotedTable = "\"\(kind.tableName)\""
        let columns = fields.map { "\"\($0.name)\"" }
        insertSQL = "INSERT INTO \(quotedTable) (id, \(columns.joined(separator: ", ")), _clock) VALUES (?, "
            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ", ?)"
        quotedColumns = columns
        quotedColumnList = columns.joined(separator: ", ")
    }

    /// The index of the field named `name`. A scan while the kind has few fields: names are
    /// short, and comparing a few inline strings costs less than hashing one (validating a
    /// received batch looks up every change's field).
    func index(of name: String) -> Int? {
        fieldNames.count <= 16 ? fieldNames.firstIndex(of: name) : indexByName[name]
    }

    /// `SELECT` of the given columns (field indexes) and `_clock`, by id.
    func selectSQL(columns: [Int]) -> String {
        "SELECT " + columns.map { quotedColumns[$0] }.joined(separator: ", ") + ", _clock FROM \(quotedTable) WHERE id = ?"
    }

    /// `UPDATE` of the given columns (field indexes) and `_clock`, by id.
    func updateSQL(columns: [Int]) -> String {
        "UPDATE \(quotedTable) SET " + columns.map { "\(quotedColumns[$0]) = ?" }.joined(separator: ", ")
            + ", _clock = ? WHERE id = ?"
    }

    /// Checks that `group` fits this kind — known fields, values of the right type, the
    /// right kind of scope — and returns each change's field index and normalized value.
    ///
    /// - Throws: ``ReplicaError`` naming the group and field at fault.
    func validate(_ group: ChangeGroup) throws(ReplicaError) -> (indexes: [Int], values: [FieldValue]) {
        if let fixed = kind.fixedScope, group.scope != fixed {
            throw ReplicaError(.scopeMismatch, "\(group): \(kind.rawValue) records belong to \(fixed)")
        }
        if kind.fixedScope == nil, fixedScopes.contains(group.scope) {
            throw ReplicaError(.scopeMismatch, "\(group): \(kind.rawValue) records do not belong to \(group.scope)")
        }
        guard !group.fields.isEmpty, group.firstCounter >= 1 else {
            throw ReplicaError(.malformedGroup, "\(group) carries no changes or a zero counter")
        }
        var indexes: [Int] = []
        indexes.reserveCapacity(group.fields.count)
        var values: [FieldValue] = []
        values.reserveCapacity(group.fields.count)
        for change in group.fields {
            guard let index = index(of: change.field) else {
                throw ReplicaError(.unknownField, "\(kind.rawValue) has no field \(change.field) (\(group))")
            }
            let spec = fields[index]
            if let limit = spec.type.maxBytes, case .text(let text) = change.value, text.utf8.count > limit {
                throw ReplicaError(.valueTooLong, "\(kind.rawValue).\(change.field) holds \(text.utf8.count) bytes; "
                                   + "at most \(limit) fit (\(group))")
            }
            guard spec.type.accepts(change.value) else {
                throw ReplicaError(.invalidValue, "\(kind.rawValue).\(change.field) does not accept that value (\(group))")
            }
            if index == scopeFieldIndex, change.value != .text(group.scope.name) {
                throw ReplicaError(.scopeMismatch, "\(group) writes a community other than its scope")
            }
            if indexes.contains(index) {
                throw ReplicaError(.malformedGroup, "\(group) writes \(change.field) twice")
            }
            indexes.append(index)
            values.append(spec.type.normalized(change.value))
        }
        return (indexes, values)
    }

}
