import FaguModel
import Foundation

/// How long after an appointment ends its adviser may still enter work dated within it:
/// 7 days, since advisers often enter a week's work at once. After that the community's
/// records are no longer sent to the adviser's devices; what they hold stays readable.
public enum AppointmentGrace {
    /// The grace period in days.
    public static let days = 7

    /// The last day (`YYYY-MM-DD`) on which work of an appointment ending `end` may be
    /// written: `end` plus ``days``.
    public static func lastWritingDay(afterEnd end: String) -> String {
        guard FieldType.isDate(end) else { return end }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let parts = end.split(separator: "-").compactMap { Int($0) }
        guard let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              let later = calendar.date(byAdding: .day, value: days, to: date) else { return end }
        let p = calendar.dateComponents([.year, .month, .day], from: later)
        return String(format: "%04d-%02d-%02d", p.year!, p.month!, p.day!)
    }

    /// Whether an adviser with `appointments` (theirs, any community) may send work dated
    /// `workDay` in `community`, written on `writtenDay`: the work falls within an
    /// appointment there, written no later than the grace period after it ended.
    ///
    /// - Returns: nil when allowed, else why not (a code and a sentence).
    public static func refusal(community: String, workDay: String, writtenDay: String,
                               adviser: String, appointments: [Appointment]) -> (code: String, reason: String)? {
        let there = appointments.filter { $0.communityID == community && $0.adviserID == adviser }
        guard !there.isEmpty else {
            return ("outside_scope", "\(adviser) has no appointment to community \(community)")
        }
        guard let covering = there.first(where: { $0.covers(workDay) }) else {
            let ended = there.compactMap(\.end).filter { $0 < workDay }.max()
            if let ended {
                return ("after_appointment", "work dated \(workDay) in \(community) is after \(adviser)'s appointment there "
                        + "ended on \(ended)")
            }
            return ("outside_scope", "work dated \(workDay) in \(community) is outside \(adviser)'s appointments there")
        }
        if let end = covering.end, writtenDay > lastWritingDay(afterEnd: end) {
            return ("late_for_appointment", "work in \(community) written on \(writtenDay) is more than \(days) days after "
                    + "\(adviser)'s appointment there ended on \(end)")
        }
        return nil
    }

    /// The communities `adviser` serves on `day` by `appointments`, counting the grace period
    /// after an end: the ones whose records the adviser's devices receive.
    public static func communities(of adviser: String, on day: String, appointments: [Appointment]) -> Set<String> {
        Set(appointments.filter { appointment in
            appointment.adviserID == adviser && appointment.start <= day
                && (appointment.end.map { day <= lastWritingDay(afterEnd: $0) } ?? true)
        }.map(\.communityID))
    }
}
