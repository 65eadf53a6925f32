/// One community × quarter of the compliance report (R4).
public struct LectureRow: Hashable, Sendable, Encodable {
    /// The community.
    public var community: String
    /// `YYYY-Qn`.
    public var quarter: String
    /// Lectures given.
    public var lectures: Int
    /// People who attended them.
    public var attendees: Int
}
