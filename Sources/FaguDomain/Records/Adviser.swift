import FaguModel

/// 法律顾问: a lawyer, legal service worker or volunteer who serves communities. A roster
/// record, written by the hub only; its id is the bureau's code (`a017`).
public struct Adviser: TypedRecord {
    public static let kind = RecordKind.adviser
    public static let recordFields: [RecordField<Adviser>] = [.text("name", \.name), .choice("kind", \.kind), .optionalText("organization", \.organization),
        .optionalText("phone", \.phone), .optionalInteger("practice_since", \.practiceSince),
        .optionalChoice("education", \.education)]

    /// What kind of adviser this is.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// 律师: a practising lawyer.
        case lawyer
        /// 基层法律服务工作者: a grassroots legal service worker.
        case legalWorker = "legal_worker"
        /// 志愿者: a volunteer.
        case volunteer
    }

    /// 学历: the highest education completed.
    public enum Education: String, Sendable, Hashable, CaseIterable {
        /// 大专: a college diploma.
        case college
        /// 本科: a bachelor's degree.
        case bachelor
        /// 硕士: a master's degree.
        case master
        /// 博士: a doctorate.
        case doctor
        /// 其他: anything else.
        case other
    }

    /// The record's id (the bureau's code).
    public var id: RecordID
    /// The adviser's name.
    public var name: String
    /// Lawyer, legal service worker or volunteer.
    public var kind: Kind
    /// The firm or office the adviser works for.
    public var organization: String?
    /// A contact telephone number.
    public var phone: String?
    /// The year the adviser began to practise.
    public var practiceSince: Int64?
    /// 学历: the highest education completed.
    public var education: Education?

    /// An adviser from its parts.
    public init(id: RecordID, name: String, kind: Kind, organization: String? = nil, phone: String? = nil,
                practiceSince: Int64? = nil, education: Education? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.organization = organization
        self.phone = phone
        self.practiceSince = practiceSince
        self.education = education
    }

    public init(blank id: RecordID) { self.init(id: id, name: "", kind: .lawyer) }
}
