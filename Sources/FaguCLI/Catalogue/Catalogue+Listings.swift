import FaguDomain
import FaguModel

/// What the listings shared by `fagu` and `fagu-hub` print besides their headers: empty
/// listings, marks inside cells, and the filters' errors.
extension Catalogue {
    /// "(no records)": a record listing that found nothing.
    public static let noRecords = Localized(zh: "（没有记录）", en: "(no records)")

    /// "(no open conflicts)": a conflict listing that found nothing.
    public static let noOpenConflicts = Localized(zh: "（没有未决冲突）", en: "(no open conflicts)")

    /// "(nothing set aside)": a set-aside listing that found nothing.
    public static let nothingSetAside = Localized(zh: "（没有被搁置的变更）", en: "(nothing set aside)")

    /// The line under a conflict listing: what `←` marks, and how to decide.
    public static let conflictLegend = Localized(
        zh: "← 为各设备当前显示的值；用 fagu resolve 编号 --field 字段 --value 序号 决定",
        en: "← is the value every device shows meanwhile; decide with fagu resolve ID --field NAME --value N")

    /// "  ⚠ in conflict": the mark after a value that is one of a field's concurrent values.
    public static let inConflictMark = Localized(zh: "  ⚠ 冲突中", en: "  ⚠ in conflict")

    /// "set aside: CODE": a change or group the hub set aside, with the reason's code.
    public static func setAside(_ code: String) -> Localized {
        Localized(zh: "已搁置：\(code)", en: "set aside: \(code)")
    }

    /// "conflict: A / B": a field's concurrent values, after its shown value.
    public static func conflictAmong(_ values: String) -> Localized {
        Localized(zh: "冲突：\(values)", en: "conflict: \(values)")
    }

    /// A record kind's name: its Chinese name, or its code in English.
    public static func kindName(_ kind: RecordKind) -> Localized {
        Localized(zh: kind.chineseName, en: kind.rawValue)
    }

    /// "unknown kind K (a, b, …)": `--kind` names no kind; `known` lists the kinds.
    public static func unknownKind(_ kind: String, known: String) -> Localized {
        Localized(zh: "未知类型 \(kind) (\(known))", en: "unknown kind \(kind) (\(known))")
    }

    /// "--month must be YYYY-MM, not M".
    public static func monthInvalid(_ month: String) -> Localized {
        Localized(zh: "--month 须为 YYYY-MM", en: "--month must be YYYY-MM, not \(month)")
    }
}
