import FaguModel

/// A matter the adviser follows over time, opened on `date`, with a status that moves as it
/// goes; notes are added as ``CaseNote`` records.
public struct LegalCase: LoggedWork {
    public static let kind = RecordKind.legalCase
    public static let recordFields: [RecordField<LegalCase>] = headerFields + [.text("title", \.title), .choice("status", \.status)]

    /// Where the case stands (``RecordKind/caseStatuses``).
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Opened, not yet worked on.
        case open
        /// Being worked on.
        case inProgress = "in_progress"
        /// Settled by mediation.
        case mediated
        /// Handed on to another body.
        case referred
        /// Finished.
        case closed
    }

    /// The record's id (UUIDv7).
    public var id: RecordID
    /// The community the case belongs to (the record's scope).
    public var communityID: String
    /// The adviser following the case.
    public var adviserID: String
    /// The day the case was opened, `YYYY-MM-DD`.
    public var date: String
    /// A short title for the case.
    public var title: String
    /// Where the case stands.
    public var status: Status

    /// A case from its parts.
    public init(id: RecordID, communityID: String, adviserID: String, date: String, title: String, status: Status) {
        self.id = id
        self.communityID = communityID
        self.adviserID = adviserID
        self.date = date
        self.title = title
        self.status = status
    }

    public init(blank id: RecordID) { self.init(id: id, communityID: "", adviserID: "", date: "", title: "", status: .open) }
}
