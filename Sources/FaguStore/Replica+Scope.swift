import FaguModel

extension Replica {
    /// The scope a new record of `kind` with `fields` belongs to.
    static func scope(of kind: RecordKind, fields: [String: FieldValue]) throws -> ScopeID {
        guard let field = kind.scopeField else { return .roster }
        guard let code = fields[field]?.text, RecordID.isValidCode(code) else {
            throw ReplicaError(.missingField, "a new \(kind.rawValue) needs a valid \(field)")
        }
        return .community(code)
    }
}
