import FaguDomain
import FaguModel
import Foundation
import Synchronization

/// A clock for tests that tells a chosen Shanghai day: set it to a day, and it reads noon
/// of that day in Shanghai, one millisecond later at every reading.
public final class CalendarClock: WallClock {
    private let current: Mutex<Int64>

    /// A clock on `day` (`YYYY-MM-DD`).
    public init(day: String) {
        current = Mutex(CalendarClock.noon(of: day))
    }

    /// Moves the clock to noon of `day` in Shanghai.
    public func set(day: String) {
        current.withLock { $0 = CalendarClock.noon(of: day) }
    }

    public func now() -> Timestamp {
        current.withLock { value in
            defer { value += 1 }
            return Timestamp(milliseconds: value)
        }
    }

    /// The day `days` after `day` (before, when negative), `YYYY-MM-DD`.
    public static func day(_ day: String, plus days: Int) -> String {
        Timestamp(milliseconds: noon(of: day) + Int64(days) * 86_400_000).shanghaiDay
    }

    private static func noon(of day: String) -> Int64 {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12))!
        return Timestamp(date).milliseconds
    }
}
