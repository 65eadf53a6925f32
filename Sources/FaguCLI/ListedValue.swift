import FaguModel

/// A field value in `--json` output as JSON has it: a number as a number, text as a string,
/// null as null.
public struct ListedValue: Encodable, Sendable {
    /// The value.
    public var value: FieldValue

    /// The JSON form of `value`.
    public init(_ value: FieldValue) { self.value = value }

    /// The value as a table shows it.
    public var text: String { RecordListing.text(value) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch value {
        case .null: try container.encodeNil()
        case .integer(let integer): try container.encode(integer)
        case .real(let real): try container.encode(real)
        case .text(let text): try container.encode(text)
        }
    }
}
