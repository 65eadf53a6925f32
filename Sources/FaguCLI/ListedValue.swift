import FaguModel

/// A field value in `--json` output as JSON has it: a number as a number, a yes/no field as
/// `true`/`false`, text as a string, null as null.
public struct ListedValue: Encodable, Sendable {
    /// The value.
    public var value: FieldValue
    /// Whether the field is a yes/no field (stored as 0 or 1).
    public var isBoolean: Bool

    /// The JSON form of `value`, a value of a field of `type` when known.
    public init(_ value: FieldValue, type: FieldType? = nil) {
        self.value = value
        isBoolean = type == .boolean
    }

    /// The JSON form of `value`, a value of `field` of `kind`.
    public init(_ value: FieldValue, field: String, of kind: RecordKind) {
        self.init(value, type: kind.fieldIndex(field).map { kind.fields[$0].type })
    }

    /// The value as a table shows it.
    public var text: String { RecordListing.text(value) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch value {
        case .null: try container.encodeNil()
        case .integer(let integer) where isBoolean: try container.encode(integer != 0)
        case .integer(let integer): try container.encode(integer)
        case .real(let real): try container.encode(real)
        case .text(let text): try container.encode(text)
        }
    }
}
