/// Something wrong with a roster file: where it is, what kind it is, and a sentence in
/// English and in Chinese that a hub operator can act on.
///
/// Problems carry their context yet match like an enum on ``code``:
///
/// ```swift
/// for problem in result.errors where problem.code == .invalidDate {
///     print(problem)  // appointments.csv:4: start: "2026-02-30" is not a date (YYYY-MM-DD)
/// }
/// ```
///
/// Messages quote the offending value and, for the roster rules, the adviser's name, which
/// the rules publish anyway (R9); a roster holds no resident's data.
public struct RosterProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem this is. Errors stop their file from being imported; warnings
    /// (``isWarning``) only report a roster rule that is not met.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        /// The file is not UTF-8 text.
        case notUTF8
        /// The CSV is malformed: a quote never closed, or text after a closing quote.
        case malformedCSV
        /// The file has no header row.
        case emptyFile
        /// The header lacks a required column.
        case missingColumn
        /// The header names a column twice.
        case duplicateColumn
        /// A row has more non-empty cells than the header has columns.
        case tooManyFields
        /// A required field is empty.
        case emptyField
        /// A field is not one of its allowed words.
        case invalidChoice
        /// An id is not a bureau code (1–64 of `a-z A-Z 0-9 _ - . @`).
        case invalidCode
        /// A date is not a real `YYYY-MM-DD` date.
        case invalidDate
        /// A year is not four digits, or lies in the future.
        case invalidYear
        /// A number is not a non-negative whole number.
        case invalidNumber
        /// An appointment ends before it starts.
        case endBeforeStart
        /// A free-text field is longer than its limit.
        case textTooLong
        /// An id appears twice in the file.
        case duplicateID
        /// An appointment's id is already held by an appointment of another adviser or community.
        case conflictingID
        /// An appointment names an adviser or community that is neither imported nor known.
        case unknownReference
        /// An appointment names an adviser or community that only a rejected file defines.
        case rejectedReference
        /// R2: an adviser serves more than 3 communities.
        case tooManyCommunities
        /// R7: an adviser has practised less than 2 years, or has no college degree or above.
        case underqualified
        /// R9: an adviser has no published phone, or an appointment no service hours.
        case unpublishedContact

        /// Whether this kind only warns (a roster rule) rather than blocks the import.
        public var isWarning: Bool {
            switch self {
            case .tooManyCommunities, .underqualified, .unpublishedContact: true
            default: false
            }
        }

        /// The rule in DOMAIN.md this kind reports (`R2`, `R7`, `R9`), or nil for an error.
        public var rule: String? {
            switch self {
            case .tooManyCommunities: "R2"
            case .underqualified: "R7"
            case .unpublishedContact: "R9"
            default: nil
            }
        }
    }

    /// The name of the file the problem is in (`advisers.csv`).
    public let file: String
    /// The 1-based physical line the row starts on; the header is line 1.
    public let line: Int
    /// The column at fault, or nil when the problem is the whole row or file.
    public let field: String?
    /// What kind of problem this is.
    public let code: Code
    /// The problem in English, one sentence without the location.
    public let english: String
    /// The problem in Chinese, one sentence without the location.
    public let chinese: String

    /// A problem from its parts.
    public init(file: String, line: Int, field: String?, code: Code, english: String, chinese: String) {
        self.file = file
        self.line = line
        self.field = field
        self.code = code
        self.english = english
        self.chinese = chinese
    }

    /// Whether this problem only warns rather than blocks the import.
    public var isWarning: Bool { code.isWarning }

    /// `file:line: field: message`, in English.
    public var description: String { located(english) }

    /// `file:line: field: message`, in Chinese.
    public var chineseDescription: String { located(chinese) }

    private func located(_ message: String) -> String {
        let place = field.map { "\(file):\(line): \($0)" } ?? "\(file):\(line)"
        return "\(place): \(message)"
    }
}
