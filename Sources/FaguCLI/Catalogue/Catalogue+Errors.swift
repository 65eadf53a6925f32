import FaguModel
import FaguStore
import FaguSync
import FaguWire

/// What the tools say when the core refuses or fails, and the failures every tool shares.
extension Catalogue {
    /// Any error that reaches a person, in both languages: the core's coded errors by their
    /// code (``ReplicaErrors``, ``SyncRefusals``, ``WireErrors``), the rest with a Chinese
    /// lead and the core's sentence. In English the text is the error's own description.
    public static func failure(_ error: any Error) -> Localized {
        switch error {
        case let error as ReplicaError: ReplicaErrors.text(for: error)
        case let refusal as SyncRefusal: SyncRefusals.text(for: refusal)
        case let error as WireError: WireErrors.text(for: error)
        case let failure as SyncFailure: syncFailure(failure)
        case let error as RecordDecodingError: coreError(recordUnreadable, detail: error.description)
        default: coreError(failed, detail: String(describing: error))
        }
    }

    /// A core error's text: in Chinese, `summary` with the core's English sentence `detail`
    /// (which names the records and fields concerned) after it; in English, `detail` alone.
    public static func coreError(_ summary: Localized, detail: String) -> Localized {
        Localized(zh: "\(summary.zh)（\(detail)）", en: detail)
    }

    /// A local failure in the tools' own words when its kind is known, else with a Chinese lead.
    public static func syncFailure(_ failure: SyncFailure) -> Localized {
        let subject = failure.subject ?? ""
        switch failure.code {
        case .noReplica:
            return Localized(zh: "\(subject) 中没有副本：请先用 fagu init --enroll 文件 加入辖区", en: failure.message)
        case .noHub:
            return Localized(zh: "\(subject) 中没有辖区中心：请先运行 fagu-hub init --district 名称", en: failure.message)
        case .replicaExists:
            return Localized(zh: "\(subject) 已有副本；请换一个 --home", en: failure.message)
        case .hubExists:
            return Localized(zh: "\(subject) 已有辖区中心", en: failure.message)
        case .enrollmentUnreadable:
            return Localized(zh: "无法读取登记文件 \(subject)", en: failure.message)
        case .notEnrollment:
            return Localized(zh: "\(subject) 不是 Fagu 登记文件", en: failure.message)
        case .other:
            return coreError(notDone, detail: failure.message)
        }
    }

    /// A local step that could not be done (a file not read or written, a home not set up).
    public static let notDone = Localized(zh: "未能完成", en: "could not be done")

    /// A stored or received record that could not be read as its kind.
    public static let recordUnreadable = Localized(zh: "记录无法读取", en: "a record could not be read")

    /// Any other failure.
    public static let failed = Localized(zh: "操作失败", en: "failed")

    /// "cannot read PATH": a file that is not there or not readable.
    public static func cannotRead(_ path: String) -> Localized {
        Localized(zh: "无法读取 \(path)", en: "cannot read \(path)")
    }

    /// "cannot write PATH": a file that cannot be written.
    public static func cannotWrite(_ path: String) -> Localized {
        Localized(zh: "无法写入 \(path)", en: "cannot write \(path)")
    }

    /// "PATH already exists": a file not to be overwritten.
    public static func alreadyExists(_ path: String) -> Localized {
        Localized(zh: "\(path) 已存在", en: "\(path) already exists")
    }

    /// `--lang` given something other than `zh` or `en`.
    public static func languageInvalid(_ lang: String) -> Localized {
        Localized(zh: "--lang 须为 zh 或 en，而不是 \(lang)", en: "--lang must be zh or en, not \(lang)")
    }

    /// Command-line argument `index` is not UTF-8, so nothing was done.
    public static func argumentNotUTF8(_ index: Int) -> Localized {
        Localized(zh: "第 \(index) 个参数不是有效的 UTF-8；未做任何更改", en: "argument \(index) is not valid UTF-8; nothing was changed")
    }
}
