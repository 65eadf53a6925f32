import FaguCLI
import Foundation

/// Writes a report in a ``ReportFormat``: JSON from the report's own value, the others from
/// its ``ReportDocument``.
enum ReportWriter {
    /// The report as bytes in `format`.
    static func render<T: Encodable>(_ report: T, document: () -> ReportDocument, as format: ReportFormat) throws -> Data {
        switch format {
        case .json: return try json(report)
        case .table: return Data((table(document()) + "\n").utf8)
        case .csv: return Data(("\u{FEFF}" + csv(document())).utf8)
        case .html: return Data(html(document()).utf8)
        }
    }

    /// One JSON document: sorted keys, snake_case, no escaped slashes (as `JSONOutput`).
    static func json<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(value) + Data("\n".utf8)
    }

    /// Aligned text: the title, each section under its title, the summary last; cells whole.
    static func table(_ document: ReportDocument) -> String {
        var lines = [document.title, ""]
        for section in document.sections + document.findings {
            lines.append("■ " + section.title)
            if section.rows.isEmpty {
                lines.append(document.none)
            } else {
                var table = TextTable(headers: section.headers)
                table.rightAligned = section.numeric
                // A report is a document to keep: no cell is cut (R2's recorded reason may run
                // to 500 characters), and the terminal wraps what it must.
                table.lineWidth = nil
                table.maxCellWidth = .max
                for row in section.rows { table.append(row) }
                lines.append(table.render())
            }
            lines.append("")
        }
        lines.append(document.summary)
        return lines.joined(separator: "\n")
    }

    /// CSV (RFC 4180 quoting, CRLF): each section as a title row, a header row and its rows,
    /// a blank line between sections.
    static func csv(_ document: ReportDocument) -> String {
        func line(_ cells: [String]) -> String {
            cells.map { cell in
                cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: ",")
        }
        var lines = [line([document.title])]
        for section in document.sections + document.findings {
            lines += ["", line([section.title]), line(section.headers)] + section.rows.map(line)
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One self-contained XHTML-style page: inline CSS and SVG, no script, no link to anything.
    static func html(_ document: ReportDocument) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"\(document.languageCode)\">\n<head>\n<meta charset=\"utf-8\" />\n<title>\(escape(document.title))</title>\n"
        out += "<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:0.5em 0 1.5em}"
            + "th,td{border:1px solid #bbb;padding:2px 8px;text-align:left}td.n{text-align:right}th{background:#eee}"
            + "svg{display:block;margin:0.5em 0}@media print{section{page-break-inside:avoid}}</style>\n</head>\n<body>\n"
        out += "<h1>\(escape(document.title))</h1>\n<p>\(escape(document.summary))</p>\n"
        for section in document.sections + document.findings {
            out += "<section>\n<h2>\(escape(section.title))</h2>\n"
            if let chart = section.chart { out += svg(chart) }
            out += "<table>\n<thead><tr>" + section.headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in section.rows {
                out += "<tr>" + row.enumerated().map { column, cell in
                    section.numeric.contains(column) ? "<td class=\"n\">\(escape(cell))</td>" : "<td>\(escape(cell))</td>"
                }.joined() + "</tr>\n"
            }
            out += "</tbody>\n</table>\n</section>\n"
        }
        return out + "</body>\n</html>\n"
    }

    /// A horizontal bar chart as inline SVG.
    static func svg(_ chart: ReportChart) -> String {
        let barHeight = 16, gap = 4, labelWidth = 140, barWidth = 460, top = 24
        let height = top + chart.labels.count * (barHeight + gap) + 8
        let largest = max(chart.values.max() ?? 0, chart.threshold ?? 0, 1)
        func x(_ value: Double) -> Int { labelWidth + Int((value / largest * Double(barWidth)).rounded()) }
        var out = "<svg width=\"\(labelWidth + barWidth + 80)\" height=\"\(height)\" viewBox=\"0 0 \(labelWidth + barWidth + 80) \(height)\""
            + " role=\"img\">\n<title>\(escape(chart.title))</title>\n"
            + "<text x=\"0\" y=\"14\" font-size=\"13\" font-weight=\"bold\">\(escape(chart.title))</text>\n"
        for (index, label) in chart.labels.enumerated() {
            let y = top + index * (barHeight + gap), value = chart.values[index]
            let over = chart.threshold.map { value < $0 } ?? false
            out += "<text x=\"0\" y=\"\(y + 12)\" font-size=\"11\">\(escape(label))</text>"
                + "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(x(value) - labelWidth)\" height=\"\(barHeight)\""
                + " fill=\"\(over ? "#c0392b" : "#2e86c1")\" />"
                + "<text x=\"\(x(value) + 4)\" y=\"\(y + 12)\" font-size=\"11\">\(escape(ReportDocument.hours(value)))</text>\n"
        }
        if let threshold = chart.threshold {
            out += "<line x1=\"\(x(threshold))\" y1=\"\(top - 4)\" x2=\"\(x(threshold))\" y2=\"\(height - 4)\" stroke=\"#555\""
                + " stroke-dasharray=\"4 3\" />\n"
        }
        return out + "</svg>\n"
    }

    /// Text made safe for HTML and XML: `& < > " '` escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline are not allowed in XML.
                if let scalar = character.unicodeScalars.first, scalar.value < 0x20, character != "\t", character != "\n" {
                    out += " "
                } else {
                    out.append(character)
                }
            }
        }
        return out
    }
}
