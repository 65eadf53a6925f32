import FaguModel
import Foundation

/// Times as people in Shanghai read them (UTC+8, no daylight saving): `2026-11-27 18:42` in
/// tables, RFC 3339 with its offset in JSON.
public enum ShanghaiTime {
    private static let offset = 8 * 3_600

    /// `YYYY-MM-DD HH:MM` in Shanghai.
    public static func text(_ time: Timestamp) -> String {
        let parts = components(time)
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year, parts.month, parts.day, parts.hour, parts.minute)
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmm+08:00`.
    public static func rfc3339(_ time: Timestamp) -> String {
        let parts = components(time)
        let millis = Int(((time.milliseconds % 1_000) + 1_000) % 1_000)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03d+08:00", parts.year, parts.month, parts.day, parts.hour,
                      parts.minute, parts.second, millis)
    }

    private static func components(_ time: Timestamp) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offset)!
        let date = Date(timeIntervalSince1970: Double(time.milliseconds) / 1_000)
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return (parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}

extension ShanghaiTime {
    /// An RFC 3339 time of ``rfc3339(_:)`` as tables show it: `YYYY-MM-DD HH:MM`.
    public static func display(_ rfc3339: String) -> String {
        String(rfc3339.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }
}
