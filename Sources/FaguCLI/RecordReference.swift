import FaguDomain
import FaguModel
import FaguStore

/// A record named on the command line: its full id, or any unique prefix (or suffix) of 6
/// or more characters of the id as printed — time-ordered ids share their first characters.
public enum RecordReference {
    /// The record `text` names on `replica`, of `kind` when given.
    ///
    /// - Throws: a one-line ``CommandFailure`` (exit 2) when nothing matches, when `text` is
    ///   shorter than 6 characters, or when several records match (listing them).
    public static func resolve(_ text: String, kind: RecordKind? = nil, on replica: Replica,
                        _ language: Language) throws -> (kind: RecordKind, id: RecordID) {
        if let id = RecordID(text) {
            let kinds = kind.map { [$0] } ?? RecordKind.allCases
            if let found = try failing(language, { try kinds.first { try replica.record($0, id: id) != nil } }) { return (found, id) }
        }
        guard text.filter({ $0 != "-" }).count >= 6 else {
            throw CommandFailure(language.text(Catalogue.idTooShort(text)), exitCode: 2)
        }
        let matches = try failing(language) { try replica.records(withIDMatching: text) }.filter { kind == nil || $0.kind == kind }
        guard let first = matches.first else {
            throw CommandFailure(language.text(Catalogue.noRecordMatches(text, kind: kind)), exitCode: 2)
        }
        guard matches.count == 1 else {
            let list = matches.prefix(10).map { "\($0.id) (\($0.kind.rawValue))" }.joined(separator: ", ")
            throw CommandFailure(language.text(Catalogue.severalRecordsMatch(text, list)), exitCode: 2)
        }
        return first
    }
}
