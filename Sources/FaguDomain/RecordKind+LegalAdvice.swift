import FaguModel

/// The kinds of record Shanghai's community legal advisers keep: the roster, and each duty
/// an adviser logs. Declared once, here; ``Schema/legalAdvice`` is the set of them.
extension RecordKind {
    /// 居村（社区）: a residential or village community.
    public static let community = RecordKind("community", code: 0, fields: [
        FieldSpec("name", .text, required: true),
        FieldSpec("kind", .choice(["residential", "village"]), required: true),
        FieldSpec("judicial_office", .text),
    ], scope: .fixed(.roster))

    /// 法律顾问: a lawyer, legal service worker or volunteer.
    public static let adviser = RecordKind("adviser", code: 1, fields: [
        FieldSpec("name", .text, required: true),
        FieldSpec("kind", .choice(["lawyer", "legal_worker", "volunteer"]), required: true),
        FieldSpec("organization", .text),
        FieldSpec("phone", .text),
        FieldSpec("practice_since", .integer),
        FieldSpec("education", .choice(["college", "bachelor", "master", "doctor", "other"])),
    ], scope: .fixed(.roster))

    /// 聘用合同: an adviser serving a community.
    public static let appointment = RecordKind("appointment", code: 2, fields: [
        FieldSpec("adviser_id", .reference, required: true, immutable: true),
        FieldSpec("community_id", .reference, required: true, immutable: true),
        FieldSpec("start", .date, required: true),
        FieldSpec("end", .date),
        FieldSpec("annual_fee_cny", .integer),
        FieldSpec("service_hours", .text),
    ], scope: .fixed(.roster))

    /// A visit on site with hours spent (R3).
    public static let visit = log("visit", code: 3, [FieldSpec("hours", .real, required: true), FieldSpec("note", .text)])

    /// 解答法律咨询: a question answered, or a hard one with a due date (R5).
    public static let consultation = log("consultation", code: 4, [
        FieldSpec("topic", .text, required: true),
        FieldSpec("question", .text, required: true),
        FieldSpec("answer", .text),
        FieldSpec("hard", .boolean),
        FieldSpec("due", .date),
    ])

    /// 参与纠纷调解: a mediation the adviser joined.
    public static let mediation = log("mediation", code: 5, [
        FieldSpec("category", .text, required: true),
        FieldSpec("summary", .text, required: true),
        FieldSpec("outcome", .text),
    ])

    /// 协助申请法律援助: a legal-aid referral.
    public static let legalAid = log("legal_aid", code: 6, [
        FieldSpec("summary", .text, required: true),
        FieldSpec("status", .choice(["referred", "accepted", "rejected"])),
    ])

    /// 依法治理: rules, a contract, a decision or an election reviewed.
    public static let governance = log("governance", code: 7, [
        FieldSpec("kind", .choice(["rules", "contract", "decision", "election"]), required: true),
        FieldSpec("summary", .text, required: true),
    ])

    /// 法治讲座: a lecture given (R4).
    public static let lecture = log("lecture", code: 8, [
        FieldSpec("topic", .text, required: true),
        FieldSpec("attendees", .integer, required: true),
    ])

    /// 接受法律服务委托: a document drafted or litigation taken on.
    public static let commission = log("commission", code: 9, [
        FieldSpec("kind", .choice(["document", "litigation"]), required: true),
        FieldSpec("summary", .text, required: true),
    ])

    /// 事项报告: a brewing mass dispute or major matter, reported at once.
    public static let incident = log("incident", code: 10, [
        FieldSpec("level", .choice(["major", "mass"]), required: true),
        FieldSpec("summary", .text, required: true),
    ])

    /// A matter followed over time, with a status; shared within its community.
    public static let legalCase = RecordKind("case", code: 11, table: "legal_case", fields: logHeader + [
        FieldSpec("title", .text, required: true),
        FieldSpec("status", .choice(RecordKind.caseStatuses), required: true),
    ], scope: .field("community_id"), ownership: .shared, indexedFields: ["date"])

    /// A note added to a case.
    public static let caseNote = log("case_note", code: 12, [
        FieldSpec("case_id", .reference, required: true, immutable: true),
        FieldSpec("note", .text, required: true),
    ])

    /// The statuses a case moves through.
    public static let caseStatuses = ["open", "in_progress", "mediated", "referred", "closed"]

    /// The fields every logged record starts with: where, who and when.
    static let logHeader = [
        FieldSpec("community_id", .reference, required: true, immutable: true),
        FieldSpec("adviser_id", .reference, required: true, immutable: true),
        FieldSpec("date", .date, required: true),
    ]

    /// A work log: the log header then `fields`, in its community, changed only by its creator.
    private static func log(_ name: String, code: Int, _ fields: [FieldSpec]) -> RecordKind {
        RecordKind(name, code: code, fields: logHeader + fields, scope: .field("community_id"), ownership: .creator,
                   indexedFields: ["date"])
    }

    /// Every kind of the legal-advice schema, in storage order.
    public static var allCases: [RecordKind] { Schema.legalAdvice.kinds }

    /// The kind named `rawValue` in the legal-advice schema.
    public init?(rawValue: String) {
        guard let kind = Schema.legalAdvice.kind(named: rawValue) else { return nil }
        self = kind
    }

    /// Whether records of this kind belong to the roster scope (written by the hub only).
    public var isRoster: Bool { fixedScope == .roster }

    /// Whether records of this kind are logs: created once, rarely edited, and changed only
    /// by the device that created them (or the hub, as a correction).
    public var isLog: Bool { ownership == .creator }
}
