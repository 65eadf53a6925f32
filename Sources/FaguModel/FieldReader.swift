/// Reads typed fields out of a field dictionary for a ``TypedRecord`` initializer, throwing a
/// ``RecordDecodingError`` that names the field.
public struct FieldReader: Sendable {
    /// The kind being read.
    public let kind: RecordKind
    /// The record being read.
    public let id: RecordID
    /// Its stored fields.
    public let values: [String: FieldValue]

    /// A reader over `values`.
    public init(kind: RecordKind, id: RecordID, values: [String: FieldValue]) {
        self.kind = kind
        self.id = id
        self.values = values
    }

    private func missing(_ field: String) -> RecordDecodingError {
        RecordDecodingError(kind: kind, id: id, field: field, reason: "is missing")
    }

    private func mistyped(_ field: String, _ expected: String) -> RecordDecodingError {
        RecordDecodingError(kind: kind, id: id, field: field, reason: "is not \(expected)")
    }

    /// A required text field.
    public func text(_ field: String) throws(RecordDecodingError) -> String {
        guard let value = try optionalText(field) else { throw missing(field) }
        return value
    }

    /// An optional text field.
    public func optionalText(_ field: String) throws(RecordDecodingError) -> String? {
        switch values[field] ?? .null {
        case .null: return nil
        case .text(let text): return text
        default: throw mistyped(field, "text")
        }
    }

    /// A required integer field.
    public func integer(_ field: String) throws(RecordDecodingError) -> Int64 {
        guard let value = try optionalInteger(field) else { throw missing(field) }
        return value
    }

    /// An optional integer field.
    public func optionalInteger(_ field: String) throws(RecordDecodingError) -> Int64? {
        switch values[field] ?? .null {
        case .null: return nil
        case .integer(let value): return value
        default: throw mistyped(field, "an integer")
        }
    }

    /// A required number field (integers are accepted).
    public func real(_ field: String) throws(RecordDecodingError) -> Double {
        switch values[field] ?? .null {
        case .null: throw missing(field)
        case .real(let value): return value
        case .integer(let value): return Double(value)
        default: throw mistyped(field, "a number")
        }
    }

    /// An optional yes/no field; absent reads as false.
    public func flag(_ field: String) throws(RecordDecodingError) -> Bool {
        (try optionalInteger(field) ?? 0) != 0
    }

    /// A required field holding one of a fixed set of words, as a `RawRepresentable` enum.
    public func choice<T: RawRepresentable>(_ field: String, as type: T.Type) throws(RecordDecodingError) -> T
    where T.RawValue == String {
        let raw = try text(field)
        guard let value = T(rawValue: raw) else { throw mistyped(field, "a known \(field)") }
        return value
    }

    /// An optional field holding one of a fixed set of words.
    public func optionalChoice<T: RawRepresentable>(_ field: String, as type: T.Type) throws(RecordDecodingError) -> T?
    where T.RawValue == String {
        guard let raw = try optionalText(field) else { return nil }
        guard let value = T(rawValue: raw) else { throw mistyped(field, "a known \(field)") }
        return value
    }
}
