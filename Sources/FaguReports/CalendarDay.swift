/// `YYYY-MM-DD` dates as day numbers, so reports count and compare days without a
/// `Calendar` (records keep their dates as Shanghai calendar days already).
///
/// ```swift
/// CalendarDay.number("1970-01-02")   // 1
/// CalendarDay.text(20_454)           // "2026-01-01"
/// ```
public enum CalendarDay {
    /// Days since 1970-01-01 of `text` (`YYYY-MM-DD`), or nil when it is not such a date.
    ///
    /// - Complexity: O(1).
    public static func number(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= CalendarMonth(year: year, month: month).dayCount else { return nil }
        return number(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 of a civil date (proleptic Gregorian).
    public static func number(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The `YYYY-MM-DD` text of a day number.
    public static func text(_ number: Int) -> String {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return CalendarMonth(year: year, month: month).day(day)
    }
}
