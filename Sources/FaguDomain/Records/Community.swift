import FaguModel

/// 居村（社区）: a residential or village community that advisers serve. A roster record,
/// written by the hub only; its id is the bureau's code (`c01`).
public struct Community: TypedRecord {
    public static let kind = RecordKind.community
    public static let recordFields: [RecordField<Community>] = [.text("name", \.name), .choice("kind", \.kind),
                                                             .optionalText("judicial_office", \.judicialOffice)]

    /// Whether a community is urban or rural.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// 社区: a residential (urban) community.
        case residential
        /// 村: a village.
        case village
    }

    /// The record's id (the bureau's code).
    public var id: RecordID
    /// The community's name.
    public var name: String
    /// Whether it is a residential community or a village.
    public var kind: Kind
    /// 司法所: the judicial office the community comes under.
    public var judicialOffice: String?

    /// A community from its parts.
    public init(id: RecordID, name: String, kind: Kind, judicialOffice: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.judicialOffice = judicialOffice
    }

    public init(blank id: RecordID) { self.init(id: id, name: "", kind: .village) }
}
