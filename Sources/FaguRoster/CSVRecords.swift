/// A CSV text split into records (RFC 4180), each with the physical line it starts on.
///
/// Fields are separated by commas and records by CRLF, LF or a lone CR. A field in double
/// quotes may hold commas and line breaks, and `""` stands for one quote. A leading byte
/// order mark is dropped, and line breaks inside quotes become `\n`, so the same table saved
/// with CRLF or LF reads the same. A quote inside an unquoted field is kept as it is.
///
/// ```swift
/// let csv = CSVRecords(parsing: "id,name\r\nc01,\"A, \"\"B\"\"\"\r\n")
/// // csv.records == [(line 1, ["id", "name"]), (line 2, ["c01", "A, \"B\""])]
/// ```
///
/// - Complexity: O(*n*) in the length of the text.
struct CSVRecords {
    /// One record: its cells, untrimmed, and the line it starts on (1-based).
    struct Record {
        /// The physical line the record starts on.
        var line: Int
        /// The cells, in order.
        var cells: [String]
    }

    /// What can be wrong with the shape of CSV text.
    enum Fault {
        /// A quoted field is never closed; it runs to the end of the file.
        case unclosedQuote
        /// Text follows a field's closing quote before the next comma or line break.
        case textAfterClosingQuote
    }

    /// The records, header included, in file order.
    let records: [Record]
    /// The faults found, with the line of the record they are in.
    let faults: [(line: Int, fault: Fault)]

    /// Splits `text` into records.
    init(parsing text: String) {
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }

        var records: [Record] = []
        var faults: [(line: Int, fault: Fault)] = []
        var line = 1
        var recordLine = 1
        var cells: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var closedQuote = false
        var faultInRecord = false

        func endField() {
            cells.append(String(field))
            field = String.UnicodeScalarView()
            closedQuote = false
        }
        func endRecord() {
            endField()
            records.append(Record(line: recordLine, cells: cells))
            cells = []
            faultInRecord = false
        }
        func note(_ fault: Fault) {
            guard !faultInRecord else { return }
            faultInRecord = true
            faults.append((recordLine, fault))
        }

        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            let isCRLF = scalar == "\r" && next < scalars.endIndex && scalars[next] == "\n"
            let after = isCRLF ? scalars.index(after: next) : next
            if inQuotes {
                switch scalar {
                case "\"":
                    if next < scalars.endIndex && scalars[next] == "\"" {
                        field.append("\"")
                        index = scalars.index(after: next)
                        continue
                    }
                    inQuotes = false
                    closedQuote = true
                case "\r", "\n":
                    field.append("\n")
                    line += 1
                default:
                    field.append(scalar)
                }
            } else {
                switch scalar {
                case ",":
                    endField()
                case "\r", "\n":
                    endRecord()
                    line += 1
                    recordLine = line
                case "\"" where !closedQuote && field.allSatisfy({ $0 == " " || $0 == "\t" }):
                    field = String.UnicodeScalarView()
                    inQuotes = true
                default:
                    if closedQuote {
                        if scalar != " " && scalar != "\t" { note(.textAfterClosingQuote) }
                    } else {
                        field.append(scalar)
                    }
                }
            }
            index = after
        }
        if inQuotes { note(.unclosedQuote) }
        if !cells.isEmpty || !field.isEmpty || closedQuote || inQuotes { endRecord() }
        self.records = records
        self.faults = faults
    }
}
