import FaguModel

/// The kinds of record Shanghai's community legal advisers keep: the roster, and each duty
/// an adviser logs. Each kind's fields are declared once, by its typed record's
/// `recordFields`; ``Schema/legalAdvice`` is the set of them.
extension RecordKind {
    /// 居村（社区）: a residential or village community.
    public static let community = roster("community", code: 0, Community.self)
    /// 法律顾问: a lawyer, legal service worker or volunteer.
    public static let adviser = roster("adviser", code: 1, Adviser.self)
    /// 聘用合同: an adviser serving a community.
    public static let appointment = roster("appointment", code: 2, Appointment.self)
    /// A visit on site with hours spent (R3).
    public static let visit = log("visit", code: 3, Visit.self)
    /// 解答法律咨询: a question answered, or a hard one with a due date (R5).
    public static let consultation = log("consultation", code: 4, Consultation.self)
    /// 参与纠纷调解: a mediation the adviser joined.
    public static let mediation = log("mediation", code: 5, Mediation.self)
    /// 协助申请法律援助: a legal-aid referral.
    public static let legalAid = log("legal_aid", code: 6, LegalAidReferral.self)
    /// 依法治理: rules, a contract, a decision or an election reviewed.
    public static let governance = log("governance", code: 7, GovernanceItem.self)
    /// 法治讲座: a lecture given (R4).
    public static let lecture = log("lecture", code: 8, Lecture.self)
    /// 接受法律服务委托: a document drafted or litigation taken on.
    public static let commission = log("commission", code: 9, Commission.self)
    /// 事项报告: a brewing mass dispute or major matter, reported at once.
    public static let incident = log("incident", code: 10, IncidentReport.self)
    /// A matter followed over time, with a status; shared within its community.
    public static let legalCase = RecordKind("case", code: 11, table: "legal_case", fields: LegalCase.recordFields.map(\.spec),
                                             scope: .field("community_id"), ownership: .shared, indexedFields: ["date"])
    /// A note added to a case.
    public static let caseNote = log("case_note", code: 12, CaseNote.self)

    /// The statuses a case moves through.
    public static var caseStatuses: [String] { LegalCase.Status.allCases.map(\.rawValue) }

    /// A roster kind: its fields are `Record`'s, in the roster scope, written by the hub.
    private static func roster<Record: TypedRecord>(_ name: String, code: Int, _ record: Record.Type) -> RecordKind {
        RecordKind(name, code: code, fields: Record.recordFields.map(\.spec), scope: .fixed(.roster))
    }

    /// A work log: its fields are `Record`'s (the log header first), in its community,
    /// changed only by its creator.
    private static func log<Record: LoggedWork>(_ name: String, code: Int, _ record: Record.Type) -> RecordKind {
        RecordKind(name, code: code, fields: Record.recordFields.map(\.spec), scope: .field("community_id"), ownership: .creator,
                   indexedFields: ["date"])
    }

    /// Every kind of the legal-advice schema, in storage order.
    public static var allCases: [RecordKind] { Schema.legalAdvice.kinds }

    /// The kind named `rawValue` in the legal-advice schema.
    public init?(rawValue: String) {
        guard let kind = Schema.legalAdvice.kind(named: rawValue) else { return nil }
        self = kind
    }

    /// The kind's name in Chinese, as tables show it.
    public var chineseName: String {
        let names = ["community": "社区", "adviser": "顾问", "appointment": "聘用", "visit": "走访", "consultation": "咨询",
                     "mediation": "调解", "legal_aid": "法律援助", "governance": "依法治理", "lecture": "讲座", "commission": "委托",
                     "incident": "事项报告", "case": "案件", "case_note": "案件备注"]
        return names[rawValue] ?? rawValue
    }

    /// Whether records of this kind belong to the roster scope (written by the hub only).
    public var isRoster: Bool { fixedScope == .roster }

    /// Whether records of this kind are logs: created once, rarely edited, and changed only
    /// by the device that created them (or the hub, as a correction).
    public var isLog: Bool { ownership == .creator }
}
