import FaguModel

/// The tables of a replica's schema, by storage code: what the write path, apply and reads
/// look a kind up in.
struct KindTables: Sendable {
    /// The schema they come from.
    let schema: Schema
    private let byCode: [Int: KindTable]

    init(_ schema: Schema) {
        self.schema = schema
        let fixed = Set(schema.kinds.compactMap(\.fixedScope))
        byCode = Dictionary(uniqueKeysWithValues: schema.kinds.map { ($0.storageCode, KindTable($0, fixedScopes: fixed)) })
    }

    /// The table of `kind`.
    ///
    /// - Throws: ``ReplicaError`` `unknown_kind` when the schema has no such kind.
    func of(_ kind: RecordKind) throws(ReplicaError) -> KindTable {
        guard let table = byCode[kind.storageCode], table.kind == kind else {
            throw ReplicaError(.unknownKind, "this replica's schema has no kind \(kind.rawValue) (code \(kind.storageCode))")
        }
        return table
    }

    /// The table whose storage code is `code`, or nil for a code the schema lacks.
    func withCode(_ code: Int) -> KindTable? { byCode[code] }

    /// What ``KindTable/validate(_:)`` finds for `group`, or why its kind or it does not fit.
    func validation(of group: ChangeGroup) -> Result<Replica.Validated, ReplicaError> {
        do throws(ReplicaError) { return .success(try of(group.kind).validate(group)) } catch { return .failure(error) }
    }
}
