import Foundation

extension Timestamp {
    /// The calendar day of this instant in Shanghai (UTC+8, no daylight saving), written
    /// `YYYY-MM-DD` as records keep dates.
    public var shanghaiDay: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
