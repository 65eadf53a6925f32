/// One field of a record kind: its name (also the SQLite column), type and whether a new
/// record must have it.
public struct FieldSpec: Hashable, Sendable {
    /// The field and column name, snake_case.
    public let name: String
    /// What the field may hold.
    public let type: FieldType
    /// Whether a new record must give it a non-null value.
    public let required: Bool
    /// Whether it is fixed once the record exists (e.g. the community a log belongs to).
    public let immutable: Bool

    /// A field spec.
    public init(_ name: String, _ type: FieldType, required: Bool = false, immutable: Bool = false) {
        self.name = name
        self.type = type
        self.required = required
        self.immutable = immutable
    }
}
