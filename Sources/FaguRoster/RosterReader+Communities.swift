import FaguDomain
import FaguModel

extension RosterReader {
    /// The columns of `communities.csv`; the first three are required.
    static let communityColumns = ["id", "name", "kind", "judicial_office"]

    /// Reads `communities.csv`: one community per row.
    static func readCommunities(_ file: RosterFile) -> SheetReading<Community> {
        let sheet = RosterSheet(file, columns: communityColumns, required: ["id", "name", "kind"])
        var reading = SheetReading<Community>(file: file.name, errors: sheet.errors)
        for var row in sheet.rows {
            let id = row.code("id")
            let name = row.required("name")
            let kind = row.choice("kind", as: Community.Kind.self, required: true)
            let office = row.optional("judicial_office")
            if let id, let first = reading.claim(id, line: row.place.line) {
                row.fail(.duplicateID(row.place.field("id"), id: id, firstLine: first))
            }
            reading.errors += row.errors
            guard row.isValid, let id, let name, let kind else { continue }
            reading.accepted.append((row.place.line,
                                     Community(id: .code(id), name: name, kind: kind, judicialOffice: office)))
        }
        return reading
    }
}
