/// A stored or received record could not be read as its typed value.
public struct RecordDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind being read.
    public let kind: RecordKind
    /// The record's id.
    public let id: RecordID
    /// The field at fault.
    public let field: String
    /// What was wrong with it.
    public let reason: String

    /// An error from its parts.
    public init(kind: RecordKind, id: RecordID, field: String, reason: String) {
        self.kind = kind
        self.id = id
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(kind.rawValue) \(id): field \(field) \(reason)" }
}
