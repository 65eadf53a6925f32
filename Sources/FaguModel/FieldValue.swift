/// The value of one field of a record, as stored and as carried in a change.
///
/// Dates are text `YYYY-MM-DD`, booleans are integers 0/1, hours are reals.
public enum FieldValue: Hashable, Sendable, CustomStringConvertible {
    /// No value (a cleared field).
    case null
    /// A signed 64-bit integer.
    case integer(Int64)
    /// A double-precision number.
    case real(Double)
    /// UTF-8 text.
    case text(String)

    /// The text, when this is text.
    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// The integer, when this is an integer.
    public var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The number, when this is a real or an integer.
    public var real: Double? {
        switch self {
        case .real(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }

    /// Whether this is `.null`.
    public var isNull: Bool { self == .null }

    /// About how many bytes the value takes in a file: its UTF-8 length for text, 8 otherwise.
    public var approximateBytes: Int {
        if case .text(let text) = self { return text.utf8.count }
        return 8
    }

    /// A short rendering for people and logs of the value's *shape*; text is quoted.
    public var description: String {
        switch self {
        case .null: "null"
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let text): "\"\(text)\""
        }
    }
}
