import Foundation

/// A roster file split into its header and data rows, with the errors in its shape: text
/// that is not UTF-8, malformed CSV, missing or repeated columns, rows too long.
///
/// Header names are matched without regard to case or surrounding space, in any order;
/// columns the reader does not know are ignored. Rows whose cells are all empty are skipped.
struct RosterSheet {
    /// The file's name.
    let file: String
    /// The data rows, in file order, ready to be read field by field.
    let rows: [RosterRow]
    /// Errors in the file's shape (the rows' own errors are in the rows).
    let errors: [RosterProblem]

    /// Splits `file` and finds its columns; `columns` are the ones the reader knows, and
    /// `required` those a header must have.
    init(_ file: RosterFile, columns: [String], required: Set<String>) {
        self.file = file.name
        let top = RosterProblem.Place(file: file.name, line: 1)
        var errors: [RosterProblem] = []
        if let line = file.firstNonUTF8Line {
            errors.append(.notUTF8(RosterProblem.Place(file: file.name, line: line)))
        }

        let csv = CSVRecords(parsing: file.contents)
        var faultLines: [Int: CSVRecords.Fault] = [:]
        for (line, fault) in csv.faults where faultLines[line] == nil { faultLines[line] = fault }

        var records = csv.records.filter { record in
            record.cells.contains { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
                || faultLines[record.line] != nil
        }[...]
        guard let header = records.popFirst() else {
            self.errors = errors + [.emptyFile(top)]
            self.rows = []
            return
        }

        let headerPlace = RosterProblem.Place(file: file.name, line: header.line)
        if let fault = faultLines[header.line] { errors.append(Self.problem(fault, at: headerPlace)) }
        var positions: [String: Int] = [:]
        for (position, cell) in header.cells.enumerated() {
            let name = cell.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            guard columns.contains(name) else { continue }
            if positions[name] == nil {
                positions[name] = position
            } else {
                errors.append(.duplicateColumn(headerPlace.field(name)))
            }
        }
        let absent = required.filter { positions[$0] == nil }
        for column in columns where absent.contains(column) {
            errors.append(.missingColumn(headerPlace.field(column)))
        }

        let width = header.cells.count
        self.rows = records.map { record in
            let place = RosterProblem.Place(file: file.name, line: record.line)
            var row = RosterRow(place: place, cells: record.cells, columns: positions, absentColumns: absent)
            if let fault = faultLines[record.line] { row.fail(Self.problem(fault, at: place)) }
            let extra = record.cells.dropFirst(width)
            if extra.contains(where: { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
                row.fail(.tooManyFields(place, count: record.cells.count, columns: width))
            }
            return row
        }
        self.errors = errors
    }

    private static func problem(_ fault: CSVRecords.Fault, at place: RosterProblem.Place) -> RosterProblem {
        switch fault {
        case .unclosedQuote: .unclosedQuote(place)
        case .textAfterClosingQuote: .textAfterClosingQuote(place)
        }
    }
}
