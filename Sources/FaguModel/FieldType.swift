/// What a field may hold, checked by the write path before anything is stored.
public enum FieldType: Hashable, Sendable {
    /// Free UTF-8 text.
    case text
    /// A whole number.
    case integer
    /// A number, possibly fractional (hours).
    case real
    /// A calendar date as text `YYYY-MM-DD`.
    case date
    /// A yes/no flag stored as 0 or 1.
    case boolean
    /// One of a fixed set of words.
    case choice([String])
    /// The id of another record (text).
    case reference

    /// The most UTF-8 bytes a text field holds: room for a pasted document (about 43,000
    /// Chinese characters), repetitive or not. Every peer accepts what the write path accepts.
    public static let maxTextBytes = 128 * 1024
    /// The most UTF-8 bytes an id in a reference field holds.
    public static let maxReferenceBytes = 256

    /// The most UTF-8 bytes a value of this type may hold, for text-like types.
    public var maxBytes: Int? {
        switch self {
        case .text: FieldType.maxTextBytes
        case .reference: FieldType.maxReferenceBytes
        default: nil
        }
    }

    /// The SQLite column type for this field.
    public var sqlType: String {
        switch self {
        case .integer, .boolean: "INTEGER"
        case .real: "REAL"
        default: "TEXT"
        }
    }

    /// Whether `value` fits this type (`.null` always fits; requiredness is checked elsewhere).
    public func accepts(_ value: FieldValue) -> Bool {
        // By the type first, then the value: matching the pair copied both (every received
        // change is checked here).
        switch value {
        case .null:
            return true
        case .integer(let integer):
            switch self {
            case .integer, .real: return true
            case .boolean: return integer == 0 || integer == 1
            default: return false
            }
        case .real:
            if case .real = self { return true }
            return false
        case .text(let text):
            switch self {
            case .text: return text.utf8.count <= FieldType.maxTextBytes
            case .reference: return text.utf8.count <= FieldType.maxReferenceBytes
            case .date: return FieldType.isDate(text)
            case .choice(let words): return words.contains(text)
            default: return false
            }
        }
    }

    /// `value` in the one representation this type stores: integers become reals in a
    /// `.real` field, so every replica stores and hashes the same thing.
    public func normalized(_ value: FieldValue) -> FieldValue {
        if case .real = self, case .integer(let integer) = value { return .real(Double(integer)) }
        return value
    }

    /// Whether `text` is a valid `YYYY-MM-DD` calendar date.
    public static func isDate(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == 10 else { return false }
        // Read in one pass without arrays: dates are checked on every received change.
        var number = 0, year = 0, month = 0
        for (offset, byte) in utf8.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return false }
                if offset == 4 { year = number } else { month = number }
                number = 0
            } else {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return false }
                number = number * 10 + Int(byte - UInt8(ascii: "0"))
            }
        }
        let day = number
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let length = switch month {
        case 2: leap ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
        return day <= length
    }
}
