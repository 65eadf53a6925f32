import FaguDomain

/// An appointment as a range of day numbers, for counting covered days quickly.
struct AppointmentSpan: Sendable {
    /// The appointment.
    let appointment: Appointment
    /// Its first day's number.
    let first: Int
    /// Its last day's number (`Int.max` while open-ended).
    let last: Int

    /// The span of `appointment`, or nil when its start is not a date.
    init?(_ appointment: Appointment) {
        guard let first = CalendarDay.number(appointment.start) else { return nil }
        self.appointment = appointment
        self.first = first
        last = appointment.end.flatMap(CalendarDay.number) ?? Int.max
    }

    /// Whether the appointment runs on day number `day`.
    func covers(_ day: Int) -> Bool { first <= day && day <= last }

    /// Whether it runs on any day from `from` to `to` (day numbers).
    func overlaps(_ from: Int, _ to: Int) -> Bool { first <= to && last >= from }

    /// How many days from `from` to `to` it runs.
    func days(_ from: Int, _ to: Int) -> Int { max(0, min(last, to) - max(first, from) + 1) }

    /// The spans of `appointments`, grouped by `key`.
    static func grouped(_ appointments: [Appointment], by key: (Appointment) -> String) -> [String: [AppointmentSpan]] {
        Dictionary(grouping: appointments.compactMap(AppointmentSpan.init), by: { key($0.appointment) })
    }
}

extension CalendarMonth {
    /// The day numbers of the month's first and last days.
    var dayNumbers: (first: Int, last: Int) {
        let first = CalendarDay.number(year: year, month: month, day: 1)
        return (first, first + dayCount - 1)
    }
}
