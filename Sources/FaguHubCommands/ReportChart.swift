/// A bar chart a report section shows: one bar per label, with an optional line for a
/// threshold (10,000 CNY, 6 hours). Drawn as inline SVG in HTML, as bars of `█` in a table.
struct ReportChart: Sendable {
    /// The chart's title.
    var title: String
    /// One label per bar.
    var labels: [String]
    /// One value per bar.
    var values: [Double]
    /// A value drawn as a line across the bars, if any.
    var threshold: Double?
}
