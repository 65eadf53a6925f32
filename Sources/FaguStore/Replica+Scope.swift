import FaguModel

extension Replica {
    /// The scope a new record of `kind` with `fields` belongs to.
    static func scope(of kind: RecordKind, fields: [String: FieldValue]) throws -> ScopeID {
        if let fixed = kind.fixedScope { return fixed }
        guard let field = kind.scopeField, let code = fields[field]?.text, RecordID.isValidCode(code) else {
            throw ReplicaError(.missingField, "a new \(kind.rawValue) needs a valid \(kind.scopeField ?? "scope")")
        }
        return ScopeID(code)
    }
}
