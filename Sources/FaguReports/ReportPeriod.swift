/// The stretch of time a report covers: a month, a quarter or a year, made of whole months.
///
/// ```swift
/// try ReportPeriod.quarter("2026-Q4").label            // "2026-Q4"
/// try ReportPeriod.quarter("2026-Q4").months.count     // 3
/// ```
public struct ReportPeriod: Hashable, Sendable {
    /// Whether a period is a month, a quarter or a year.
    public enum Span: String, Hashable, Sendable {
        /// One month.
        case month
        /// Three months.
        case quarter
        /// Twelve months.
        case year
    }

    /// Month, quarter or year.
    public let span: Span
    /// The months it covers, in order.
    public let months: [CalendarMonth]
    /// `2026-11`, `2026-Q4` or `2026`.
    public let label: String

    private init(span: Span, months: [CalendarMonth], label: String) {
        self.span = span
        self.months = months
        self.label = label
    }

    /// One month.
    public static func month(_ month: CalendarMonth) -> ReportPeriod {
        ReportPeriod(span: .month, months: [month], label: month.label)
    }

    /// The month `YYYY-MM`.
    public static func month(_ text: String) throws(ReportPeriodError) -> ReportPeriod {
        guard let month = CalendarMonth(text) else { throw ReportPeriodError(given: text, expected: "YYYY-MM") }
        return .month(month)
    }

    /// The quarter `YYYY-Qn`.
    public static func quarter(_ text: String) throws(ReportPeriodError) -> ReportPeriod {
        let parts = text.uppercased().split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), parts[1].count == 2, parts[1].first == "Q",
              let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else {
            throw ReportPeriodError(given: text, expected: "YYYY-Qn")
        }
        let first = (quarter - 1) * 3 + 1
        return ReportPeriod(span: .quarter, months: (first..<first + 3).map { CalendarMonth(year: year, month: $0) },
                            label: CalendarMonth(year: year, month: first).quarterLabel)
    }

    /// The year `YYYY`.
    public static func year(_ text: String) throws(ReportPeriodError) -> ReportPeriod {
        guard text.count == 4, let year = Int(text) else { throw ReportPeriodError(given: text, expected: "YYYY") }
        return .year(year)
    }

    /// The year `year`.
    public static func year(_ year: Int) -> ReportPeriod {
        ReportPeriod(span: .year, months: (1...12).map { CalendarMonth(year: year, month: $0) }, label: String(year))
    }

    /// The first day, `YYYY-MM-DD`.
    public var firstDay: String { months[0].firstDay }

    /// The last day, `YYYY-MM-DD`.
    public var lastDay: String { months[months.count - 1].lastDay }

    /// Whether `day` (`YYYY-MM-DD`) falls in the period.
    public func contains(_ day: String) -> Bool { firstDay <= day && day <= lastDay }

    /// The year of the period's last month (a funding year, say).
    public var year: Int { months[months.count - 1].year }

    /// The quarters wholly inside the period, as the first month of each: the quarters whose
    /// lectures (R4) can be judged.
    public var wholeQuarters: [CalendarMonth] {
        let inside = Set(months)
        return months.filter { month in
            month.month % 3 == 1 && (0..<3).allSatisfy { inside.contains(CalendarMonth(year: month.year, month: month.month + $0)) }
        }
    }
}
