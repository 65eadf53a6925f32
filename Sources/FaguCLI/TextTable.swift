import Foundation

/// A plain-text table whose columns line up by display width, Chinese included.
///
/// ```swift
/// var table = TextTable(headers: ["字段", "值"])
/// table.append(["status", "已调解"])
/// print(table.render())
/// // 字段    值
/// // ------  ------
/// // status  已调解
/// ```
public struct TextTable: Sendable {
    /// The column titles.
    public var headers: [String]
    /// The rows, each as many cells as there are headers.
    public private(set) var rows: [[String]] = []
    /// Columns (by index) whose cells align right, e.g. numbers.
    public var rightAligned: Set<Int> = []
    /// The widest a cell may be before it is cut with `…`.
    public var maxCellWidth = 60
    /// The widest a line may be: the widest column is cut (with `…`) until the table fits,
    /// down to 12 columns. The terminal's width by default; nil (a pipe, a file) cuts nothing.
    public var lineWidth: Int? = TerminalWidth.current

    /// A table with `headers`.
    public init(headers: [String]) { self.headers = headers }

    /// Adds a row; missing cells are empty, extra cells dropped.
    public mutating func append(_ row: [String]) {
        rows.append((0..<headers.count).map { $0 < row.count ? row[$0] : "" })
    }

    /// The table as lines: headers, a rule, then the rows, two spaces between columns.
    /// `text` with its line breaks read as spaces (without Foundation's search when there are none).
    static func oneLine(_ text: String) -> String {
        guard text.utf8.contains(10) else { return text }
        return String(text.map { $0 == "\n" || $0 == "\r\n" ? " " : $0 })
    }

    public func render() -> String {
        // A line break reads as a space; every other control character is shown escaped.
        var cells = rows.map { $0.map {
            DisplayWidth.truncate(TerminalText.escaped(TextTable.oneLine($0)), to: maxCellWidth)
        } }
        var widths = headers.indices.map { column in
            ([headers[column]] + cells.map { $0[column] }).map(DisplayWidth.of).max() ?? 0
        }
        // Too wide for the terminal: cut the widest column (usually a summary) to fit.
        if let lineWidth, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) {
            var others = 2 * (widths.count - 1)
            for column in widths.indices where column != widest { others += widths[column] }
            let room = max(12, lineWidth - others)
            if widths[widest] > room {
                for row in cells.indices { cells[row][widest] = DisplayWidth.truncate(cells[row][widest], to: room) }
                let cut: [Int] = cells.map { DisplayWidth.of($0[widest]) }
                widths[widest] = max(DisplayWidth.of(headers[widest]), cut.max() ?? 0)
            }
        }
        func line(_ row: [String]) -> String {
            var text = row.enumerated().map { column, cell in
                DisplayWidth.pad(cell, to: widths[column], alignRight: rightAligned.contains(column))
            }.joined(separator: "  ")
            // No trailing blanks (the last column's padding, or empty last cells).
            while text.last == " " { text.removeLast() }
            return text
        }
        var lines = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += cells.map(line)
        return lines.joined(separator: "\n")
    }
}
