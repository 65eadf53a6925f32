import FaguDomain
import FaguModel
import FaguStore

/// The filters of `fagu list` and `fagu-hub list` — kind, community, month — checked once,
/// then run against a replica.
public struct RecordQuery: Sendable {
    /// The kinds to list: the one asked for, or every non-roster kind.
    public let kinds: [RecordKind]
    /// Only this community, when set.
    public let community: String?
    /// Only records dated in this month (`YYYY-MM`), when set.
    public let month: String?
    /// Which hard questions: those not answered yet, or those also past their due date.
    public var questions: Questions = .any
    /// Only the work of this adviser, when set.
    public var adviser: String?
    /// The language of failures.
    private let language: Language

    /// A filter on hard questions (R5).
    public enum Questions: Sendable {
        /// No filter.
        case any
        /// Hard questions not answered yet.
        case open
        /// Hard questions not answered by their due date, as of `today`.
        case overdue(today: String)
    }

    /// Checks the filters; failures, then and when listing, are in `language`.
    ///
    /// - Throws: ``CommandFailure`` (exit 2) for an unknown kind or a month not `YYYY-MM`.
    public init(kind: String?, community: String?, month: String?, language: Language) throws {
        if let kind {
            guard let found = RecordKind(rawValue: kind) else {
                let known = RecordKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw CommandFailure(language.text(Catalogue.unknownKind(kind, known: known)), exitCode: 2)
            }
            kinds = [found]
        } else {
            kinds = RecordKind.allCases.filter { !$0.isRoster }
        }
        if let month, !CalendarDate.isValid(month + "-01") {
            throw CommandFailure(language.text(Catalogue.monthInvalid(month)), exitCode: 2)
        }
        self.community = community
        self.month = month
        self.language = language
    }

    /// The matching records of `replica`, as listings.
    public func listings(in replica: Replica) throws -> [RecordListing] {
        var kinds = self.kinds
        if case .any = questions {} else { kinds = kinds.filter { $0 == .consultation } }
        return try failing(language) {
            try kinds.flatMap { kind in
                // The filters run in SQL where the kind has the field; a kind without it has no match.
                var filter = RecordFilter()
                if let community {
                    guard let field = kind.scopeField else { return [StoredRecord]() }
                    filter.equal[field] = .text(community)
                }
                if let month {
                    guard kind.fieldIndex("date") != nil else { return [StoredRecord]() }
                    filter.prefix["date"] = month
                }
                if let adviser {
                    guard kind.fieldIndex("adviser_id") != nil else { return [StoredRecord]() }
                    filter.equal["adviser_id"] = .text(adviser)
                }
                return try replica.records(kind, matching: filter)
            }
            .filter(matchesQuestions)
            .map(RecordListing.init)
        }
    }

    private func matchesQuestions(_ record: StoredRecord) -> Bool {
        let unanswered = record.fields["hard"] == .integer(1) && record.fields["answer"] == nil
        switch questions {
        case .any: return true
        case .open: return unanswered
        case .overdue(let today): return unanswered && (record.fields["due"]?.text).map { $0 < today } == true
        }
    }

    /// Prints `listings` as JSON or as a table.
    public static func print(_ listings: [RecordListing], json: Bool, _ language: Language) throws {
        if json { return try JSONOutput.print(listings) }
        if listings.isEmpty { return Swift.print(language.text(Catalogue.noRecords)) }
        Swift.print(RecordListing.table(listings, language).render())
    }
}
