/// One hard question (疑难咨询) due in the period (R5).
public struct HardQuestionRow: Hashable, Sendable, Encodable {
    /// The consultation's id.
    public var record: String
    /// Its community.
    public var community: String
    /// The adviser who took it.
    public var adviser: String
    /// The day it was asked.
    public var asked: String
    /// The day it was due.
    public var due: String
    /// The Shanghai day it was answered, if it was.
    public var answeredOn: String?
    /// `answered`, `answered_late`, `overdue` or `open` (not yet due).
    public var status: String
    /// Days past due (until the answer, or the report's day).
    public var daysLate: Int
}
