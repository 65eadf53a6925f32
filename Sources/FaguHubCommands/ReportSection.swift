/// One titled table of a report, in the report's language, with an optional chart: what the
/// table, CSV and HTML formats all render.
struct ReportSection: Sendable {
    /// The section's title.
    var title: String
    /// Column headers.
    var headers: [String]
    /// Rows, each as many cells as there are headers.
    var rows: [[String]]
    /// Columns (by index) of numbers, aligned right.
    var numeric: Set<Int> = []
    /// A chart of the section, if it has one.
    var chart: ReportChart?
}
