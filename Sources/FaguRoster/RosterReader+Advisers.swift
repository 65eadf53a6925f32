import FaguDomain
import FaguModel

extension RosterReader {
    /// The columns of `advisers.csv`; the first three are required.
    static let adviserColumns = ["id", "name", "kind", "organization", "phone", "practice_since", "education"]

    /// Reads `advisers.csv`: one adviser per row, with the R7 and R9 warnings of valid rows.
    static func readAdvisers(_ file: RosterFile, today: String) -> SheetReading<Adviser> {
        let sheet = RosterSheet(file, columns: adviserColumns, required: ["id", "name", "kind"])
        var reading = SheetReading<Adviser>(file: file.name, errors: sheet.errors)
        for var row in sheet.rows {
            let id = row.code("id")
            let name = row.required("name")
            let kind = row.choice("kind", as: Adviser.Kind.self, required: true)
            let organization = row.optional("organization")
            let phone = row.optional("phone")
            let practiceSince = row.year("practice_since", today: today)
            let education = row.choice("education", as: Adviser.Education.self, required: false)
            if let id, let first = reading.claim(id, line: row.place.line) {
                row.fail(.duplicateID(row.place.field("id"), id: id, firstLine: first))
            }
            reading.errors += row.errors
            guard row.isValid, let id, let name, let kind else { continue }
            let adviser = Adviser(id: .code(id), name: name, kind: kind, organization: organization, phone: phone,
                                  practiceSince: practiceSince, education: education)
            reading.accepted.append((row.place.line, adviser))
            reading.warnings += ruleWarnings(for: adviser, at: row.place, today: today)
        }
        return reading
    }

    /// R7 (2+ years of practice, college or above) and R9 (a phone to publish) for `adviser`.
    private static func ruleWarnings(for adviser: Adviser, at place: RosterProblem.Place, today: String)
        -> [RosterProblem] {
        let id = adviser.id.description
        var warnings: [RosterProblem] = []
        let thisYear = Int64(today.prefix(4)) ?? 0
        if let since = adviser.practiceSince {
            if thisYear - since < 2 {
                warnings.append(.shortPractice(place.field("practice_since"), adviserID: id, name: adviser.name,
                                               since: since, years: thisYear - since))
            }
        } else {
            warnings.append(.practiceNotGiven(place.field("practice_since"), adviserID: id, name: adviser.name))
        }
        switch adviser.education {
        case .college, .bachelor, .master, .doctor:
            break
        case .other, nil:
            warnings.append(.lowEducation(place.field("education"), adviserID: id, name: adviser.name,
                                          given: adviser.education != nil))
        }
        if adviser.phone == nil {
            warnings.append(.noPhone(place.field("phone"), adviserID: id, name: adviser.name))
        }
        return warnings
    }
}
