import FaguDomain
import FaguModel
import Foundation

/// One data row of a roster file, read field by field; every check that fails adds an error.
///
/// Values are trimmed of surrounding white space. A required column that the header lacks
/// reads as nil without a further error, since the header already has one.
struct RosterRow {
    /// The file and line of the row.
    let place: RosterProblem.Place
    /// The trimmed cells by column name.
    private let values: [String: String]
    /// Required columns the header lacks.
    private let absentColumns: Set<String>
    /// The errors found so far.
    private(set) var errors: [RosterProblem] = []

    /// A row from its cells and the header's column positions.
    init(place: RosterProblem.Place, cells: [String], columns: [String: Int], absentColumns: Set<String>) {
        self.place = place
        self.absentColumns = absentColumns
        var values: [String: String] = [:]
        for (name, position) in columns where position < cells.count {
            values[name] = cells[position].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        self.values = values
    }

    /// Whether every field read so far was valid.
    var isValid: Bool { errors.isEmpty }

    /// Records an error found outside the field readers.
    mutating func fail(_ problem: RosterProblem) {
        errors.append(problem)
    }

    /// The field's text, or nil when it is empty.
    func optional(_ column: String) -> String? {
        guard let value = values[column], !value.isEmpty else { return nil }
        return value
    }

    /// The field's text, or nil when it is empty; an error when it has more than `limit`
    /// characters.
    mutating func optional(_ column: String, limit: Int) -> String? {
        guard let value = optional(column) else { return nil }
        guard value.count <= limit else {
            fail(.textTooLong(place.field(column), characters: value.count, limit: limit))
            return nil
        }
        return value
    }

    /// The field's text; an error when it is empty.
    mutating func required(_ column: String) -> String? {
        if let value = optional(column) { return value }
        if !absentColumns.contains(column) { fail(.emptyField(place.field(column))) }
        return nil
    }

    /// The field as a bureau code; an error when it is empty or not a code.
    mutating func code(_ column: String) -> String? {
        guard let value = required(column) else { return nil }
        guard RecordID.isValidCode(value) else {
            fail(.invalidCode(place.field(column), value: value))
            return nil
        }
        return value
    }

    /// The field as one of `Choice`'s words, compared without regard to case; an error when
    /// it is not one, or when it is required and empty.
    mutating func choice<Choice>(_ column: String, as _: Choice.Type, required: Bool) -> Choice?
    where Choice: RawRepresentable & CaseIterable, Choice.RawValue == String {
        guard let value = required ? self.required(column) : optional(column) else { return nil }
        guard let choice = Choice(rawValue: value.lowercased()) else {
            fail(.invalidChoice(place.field(column), value: value, allowed: Choice.allCases.map(\.rawValue)))
            return nil
        }
        return choice
    }

    /// The field as a `YYYY-MM-DD` calendar date; an error when it is not one, or when it is
    /// required and empty.
    mutating func date(_ column: String, required: Bool) -> String? {
        guard let value = required ? self.required(column) : optional(column) else { return nil }
        guard FieldType.isDate(value) else {
            fail(.invalidDate(place.field(column), value: value))
            return nil
        }
        return value
    }

    /// The field as a four-digit year no later than `today`'s; an error when it is not one.
    mutating func year(_ column: String, today: String) -> Int64? {
        guard let value = optional(column) else { return nil }
        guard value.utf8.count == 4, value.utf8.allSatisfy(Self.isDigit), let year = Int64(value) else {
            fail(.invalidYear(place.field(column), value: value))
            return nil
        }
        guard year <= Int64(today.prefix(4)) ?? year else {
            fail(.futureYear(place.field(column), value: value, today: today))
            return nil
        }
        return year
    }

    /// The field as a non-negative whole number; an error when it is not one.
    mutating func wholeNumber(_ column: String) -> Int64? {
        guard let value = optional(column) else { return nil }
        guard value.utf8.allSatisfy(Self.isDigit), let number = Int64(value) else {
            fail(.invalidNumber(place.field(column), value: value))
            return nil
        }
        return number
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
