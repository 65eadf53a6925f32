import FaguModel

/// A work log's where, who and when: what every logged duty (and a case) starts with.
public protocol LoggedWork: TypedRecord {
    /// The community (the record's scope).
    var communityID: String { get set }
    /// The adviser whose work it is.
    var adviserID: String { get set }
    /// The day of the work, `YYYY-MM-DD`.
    var date: String { get set }
}

extension LoggedWork {
    /// The header fields, first in every log's storage order.
    static var headerFields: [RecordField<Self>] {
        [.text("community_id", \.communityID, .reference, immutable: true),
         .text("adviser_id", \.adviserID, .reference, immutable: true),
         .text("date", \.date, .date)]
    }
}
