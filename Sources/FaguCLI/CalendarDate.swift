import FaguDomain
import FaguModel
import Foundation

/// Checks and makes `YYYY-MM-DD` dates, the form every record keeps.
public enum CalendarDate {
    /// Whether `text` is a real calendar date written `YYYY-MM-DD`.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    /// Today in Shanghai (UTC+8), `YYYY-MM-DD`.
    public static func today(_ now: Date = Date()) -> String {
        day(of: now)
    }

    /// The Shanghai calendar day of `date`.
    public static func day(of date: Date) -> String {
        Timestamp(date).shanghaiDay
    }

    /// `YYYYMMDD-HHMMSS` in Shanghai time, for file names.
    public static func stamp(_ now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: now)
        return String(format: "%04d%02d%02d-%02d%02d%02d", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!)
    }
}
