/// A month of the Gregorian calendar, as records' `YYYY-MM-DD` dates name it: a date belongs
/// to the month its first seven characters say, so a visit on the last day of a month counts
/// for that month whatever the time zone of the device that logged it.
public struct CalendarMonth: Hashable, Comparable, Sendable {
    /// The year.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int

    /// A month from its parts.
    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// The month of `label` (`YYYY-MM`), or nil when it is not one.
    public init?(_ label: String) {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
              (1...12).contains(month) else { return nil }
        self.init(year: year, month: month)
    }

    /// The month a `YYYY-MM-DD` date falls in, or nil when it is not a date.
    public init?(day: String) {
        guard day.count == 10 else { return nil }
        self.init(String(day.prefix(7)))
    }

    /// `YYYY-MM`.
    public var label: String { Self.pad(year, 4) + "-" + Self.pad(month, 2) }

    /// The number of days in the month.
    public var dayCount: Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// The quarter the month is in, 1 to 4.
    public var quarter: Int { (month - 1) / 3 + 1 }

    /// `YYYY-Qn`, the quarter's label.
    public var quarterLabel: String { Self.pad(year, 4) + "-Q\(quarter)" }

    /// Day `day` of the month, `YYYY-MM-DD`.
    public func day(_ day: Int) -> String { label + "-" + Self.pad(day, 2) }

    /// The first day, `YYYY-MM-01`.
    public var firstDay: String { day(1) }

    /// The last day.
    public var lastDay: String { day(dayCount) }

    /// The month after this one.
    public var next: CalendarMonth { month == 12 ? CalendarMonth(year: year + 1, month: 1) : CalendarMonth(year: year, month: month + 1) }

    public static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
