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
        switch (self, value) {
        case (_, .null): true
        case (.text, .text(let text)): text.utf8.count <= FieldType.maxTextBytes
        case (.reference, .text(let text)): text.utf8.count <= FieldType.maxReferenceBytes
        case (.integer, .integer): true
        case (.real, .real), (.real, .integer): true
        case (.boolean, .integer(let flag)): flag == 0 || flag == 1
        case (.date, .text(let text)): FieldType.isDate(text)
        case (.choice(let words), .text(let text)): words.contains(text)
        default: false
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
        var digits: [Int] = []
        digits.reserveCapacity(8)
        for (offset, byte) in utf8.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return false }
                digits.append(Int(byte - UInt8(ascii: "0")))
            }
        }
        let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        let month = digits[4] * 10 + digits[5]
        let day = digits[6] * 10 + digits[7]
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}
