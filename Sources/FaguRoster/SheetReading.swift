/// The records read from one roster file, and what was found wrong with it.
struct SheetReading<Record> {
    /// The file's name.
    let file: String
    /// The records of the rows that passed every check, with the line each starts on.
    var accepted: [(line: Int, record: Record)] = []
    /// The first line of every id the file names, whether or not its row is valid.
    var lines: [String: Int] = [:]
    /// The errors; any one rejects the whole file.
    var errors: [RosterProblem]
    /// The roster rules the file's valid rows do not meet.
    var warnings: [RosterProblem] = []

    /// An empty reading of `file`, starting from the errors in its shape.
    init(file: String, errors: [RosterProblem]) {
        self.file = file
        self.errors = errors
    }

    /// Whether the file has errors, and so imports nothing.
    var isRejected: Bool { !errors.isEmpty }

    /// The accepted records, in file order.
    var records: [Record] { accepted.map(\.record) }

    /// Notes the first line of `id`, or returns the line it already appeared on.
    mutating func claim(_ id: String, line: Int) -> Int? {
        if let first = lines[id] { return first }
        lines[id] = line
        return nil
    }
}
