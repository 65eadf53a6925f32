/// Every kind of record Fagu keeps: the roster, and each duty an adviser logs.
///
/// A kind fixes its table, its fields (in a stable order: a field's position is its index in
/// storage) and how its scope is found.
public enum RecordKind: String, CaseIterable, Hashable, Sendable {
    /// 居村（社区）: a residential or village community.
    case community
    /// 法律顾问: a lawyer, legal service worker or volunteer.
    case adviser
    /// 聘用合同: an adviser serving a community.
    case appointment
    /// A visit on site with hours spent (R3).
    case visit
    /// 解答法律咨询: a question answered, or a hard one with a due date (R5).
    case consultation
    /// 参与纠纷调解: a mediation the adviser joined.
    case mediation
    /// 协助申请法律援助: a legal-aid referral.
    case legalAid = "legal_aid"
    /// 依法治理: rules, a contract, a decision or an election reviewed.
    case governance
    /// 法治讲座: a lecture given (R4).
    case lecture
    /// 接受法律服务委托: a document drafted or litigation taken on.
    case commission
    /// 事项报告: a brewing mass dispute or major matter, reported at once.
    case incident
    /// A matter followed over time, with a status.
    case legalCase = "case"
    /// A note added to a case.
    case caseNote = "case_note"

    /// The SQLite table holding records of this kind.
    public var tableName: String {
        switch self {
        case .legalCase: "legal_case"
        default: rawValue
        }
    }

    /// Whether records of this kind belong to the roster scope (written by the hub only).
    public var isRoster: Bool {
        switch self {
        case .community, .adviser, .appointment: true
        default: false
        }
    }

    /// Whether records of this kind are logs: created once, rarely edited, and changed only
    /// by the device that created them (or the hub, as a correction). Cases are shared within
    /// their community instead.
    public var isLog: Bool {
        switch self {
        case .community, .adviser, .appointment, .legalCase: false
        default: true
        }
    }

    /// The field whose value is the record's community scope (nil for roster kinds).
    public var scopeField: String? { isRoster ? nil : "community_id" }

    /// The kind's number in storage and on the wire. Fixed forever: new kinds get new numbers.
    public var storageCode: Int {
        switch self {
        case .community: 0
        case .adviser: 1
        case .appointment: 2
        case .visit: 3
        case .consultation: 4
        case .mediation: 5
        case .legalAid: 6
        case .governance: 7
        case .lecture: 8
        case .commission: 9
        case .incident: 10
        case .legalCase: 11
        case .caseNote: 12
        }
    }

    /// The kind with storage number `code`, or nil for a number this version does not know.
    public init?(storageCode code: Int) {
        guard let kind = RecordKind.byStorageCode[code] else { return nil }
        self = kind
    }

    private static let byStorageCode: [Int: RecordKind] =
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.storageCode, $0) })

    /// The fields, in storage order. New fields are only ever appended.
    public var fields: [FieldSpec] { RecordKind.fieldTable[storageCode] }

    private static let fieldTable: [[FieldSpec]] = {
        var table = [[FieldSpec]](repeating: [], count: allCases.count)
        for kind in allCases { table[kind.storageCode] = kind.fieldDefinitions }
        return table
    }()

    private var fieldDefinitions: [FieldSpec] {
        switch self {
        case .community:
            [FieldSpec("name", .text, required: true),
             FieldSpec("kind", .choice(["residential", "village"]), required: true),
             FieldSpec("judicial_office", .text)]
        case .adviser:
            [FieldSpec("name", .text, required: true),
             FieldSpec("kind", .choice(["lawyer", "legal_worker", "volunteer"]), required: true),
             FieldSpec("organization", .text),
             FieldSpec("phone", .text),
             FieldSpec("practice_since", .integer),
             FieldSpec("education", .choice(["college", "bachelor", "master", "doctor", "other"]))]
        case .appointment:
            [FieldSpec("adviser_id", .reference, required: true, immutable: true),
             FieldSpec("community_id", .reference, required: true, immutable: true),
             FieldSpec("start", .date, required: true),
             FieldSpec("end", .date),
             FieldSpec("annual_fee_cny", .integer),
             FieldSpec("service_hours", .text)]
        case .visit:
            RecordKind.logHeader + [FieldSpec("hours", .real, required: true), FieldSpec("note", .text)]
        case .consultation:
            RecordKind.logHeader + [
                FieldSpec("topic", .text, required: true),
                FieldSpec("question", .text, required: true),
                FieldSpec("answer", .text),
                FieldSpec("hard", .boolean),
                FieldSpec("due", .date)]
        case .mediation:
            RecordKind.logHeader + [
                FieldSpec("category", .text, required: true),
                FieldSpec("summary", .text, required: true),
                FieldSpec("outcome", .text)]
        case .legalAid:
            RecordKind.logHeader + [
                FieldSpec("summary", .text, required: true),
                FieldSpec("status", .choice(["referred", "accepted", "rejected"]))]
        case .governance:
            RecordKind.logHeader + [
                FieldSpec("kind", .choice(["rules", "contract", "decision", "election"]), required: true),
                FieldSpec("summary", .text, required: true)]
        case .lecture:
            RecordKind.logHeader + [
                FieldSpec("topic", .text, required: true),
                FieldSpec("attendees", .integer, required: true)]
        case .commission:
            RecordKind.logHeader + [
                FieldSpec("kind", .choice(["document", "litigation"]), required: true),
                FieldSpec("summary", .text, required: true)]
        case .incident:
            RecordKind.logHeader + [
                FieldSpec("level", .choice(["major", "mass"]), required: true),
                FieldSpec("summary", .text, required: true)]
        case .legalCase:
            RecordKind.logHeader + [
                FieldSpec("title", .text, required: true),
                FieldSpec("status", .choice(RecordKind.caseStatuses), required: true)]
        case .caseNote:
            RecordKind.logHeader + [
                FieldSpec("case_id", .reference, required: true, immutable: true),
                FieldSpec("note", .text, required: true)]
        }
    }

    /// The statuses a case moves through.
    public static let caseStatuses = ["open", "in_progress", "mediated", "referred", "closed"]

    /// The fields every logged record starts with: where, who and when.
    static let logHeader = [
        FieldSpec("community_id", .reference, required: true, immutable: true),
        FieldSpec("adviser_id", .reference, required: true, immutable: true),
        FieldSpec("date", .date, required: true),
    ]

    /// The position of `field` in ``fields``, or nil when the kind has no such field.
    public func fieldIndex(_ field: String) -> Int? {
        fields.firstIndex { $0.name == field }
    }
}
