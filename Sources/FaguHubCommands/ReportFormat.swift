/// How a report is written: aligned text, CSV (UTF-8 with a BOM), JSON or one HTML page.
enum ReportFormat: String, Sendable, CaseIterable {
    /// Aligned text for a terminal.
    case table
    /// Comma-separated values, UTF-8 with a byte-order mark so spreadsheets read Chinese.
    case csv
    /// One JSON document.
    case json
    /// One self-contained HTML page with inline SVG charts.
    case html
}
