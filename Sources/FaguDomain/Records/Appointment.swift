import FaguModel

/// 聘用合同: an adviser engaged to serve a community from `start` (until `end`, when set). A
/// roster record, written by the hub only.
public struct Appointment: TypedRecord {
    public static let kind = RecordKind.appointment
    public static let recordFields: [RecordField<Appointment>] = [.text("adviser_id", \.adviserID, .reference, immutable: true),
        .text("community_id", \.communityID, .reference, immutable: true), .text("start", \.start, .date),
        .optionalText("end", \.end, .date), .optionalInteger("annual_fee_cny", \.annualFeeCNY),
        .optionalText("service_hours", \.serviceHours),
        // Appended after the first release: fields are only ever appended, never moved.
        .optionalText("over_limit_reason", \.overLimitReason)]

    /// Fields appended to the kind after devices were in the field. The hub writes them in a
    /// change group of their own, so a device of an older build, which sets aside a group
    /// naming a field it lacks (`unknown_field`), still holds the appointment itself.
    public static let appendedFields: Set<String> = ["over_limit_reason"]

    /// The record's id.
    public var id: RecordID
    /// The adviser engaged (fixed once the appointment exists).
    public var adviserID: String
    /// The community served (fixed once the appointment exists).
    public var communityID: String
    /// The first day of service, `YYYY-MM-DD`.
    public var start: String
    /// The last day of service, `YYYY-MM-DD`; nil while open-ended.
    public var end: String?
    /// The annual fee, in yuan (CNY).
    public var annualFeeCNY: Int64?
    /// When the adviser is available, as free text.
    public var serviceHours: String?
    /// Why the adviser may serve more than 3 communities at once (R2 asks for a recorded
    /// reason), as free text; nil when none is recorded.
    public var overLimitReason: String?

    /// An appointment from its parts.
    public init(id: RecordID, adviserID: String, communityID: String, start: String, end: String? = nil,
                annualFeeCNY: Int64? = nil, serviceHours: String? = nil, overLimitReason: String? = nil) {
        self.id = id
        self.adviserID = adviserID
        self.communityID = communityID
        self.start = start
        self.end = end
        self.annualFeeCNY = annualFeeCNY
        self.serviceHours = serviceHours
        self.overLimitReason = overLimitReason
    }

    public init(blank id: RecordID) { self.init(id: id, adviserID: "", communityID: "", start: "") }

    /// Whether the appointment runs on `day` (`YYYY-MM-DD`): on or after its start, and on or
    /// before its end when it has one.
    public func covers(_ day: String) -> Bool {
        start <= day && (end.map { day <= $0 } ?? true)
    }
}
