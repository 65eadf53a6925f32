import FaguDomain
import FaguModel
import FaguStore

/// What the field client `fagu` says: reports of work done, and why a command was refused.
extension Catalogue {
    // MARK: Joining and recovering

    /// "joined DISTRICT as ROLE SUBJECT, device ID": `fagu init` succeeded.
    public static func joinedDistrict(_ district: String, role: DeviceRole, subject: String, device: String) -> Localized {
        let role = deviceRole(role)
        return Localized(zh: "已加入\(district)：\(role.zh) \(subject)，设备 \(device)",
                         en: "joined \(district) as \(role.en) \(subject), device \(device)")
    }

    /// Whose a device is: an adviser's or a community office's.
    public static func deviceRole(_ role: DeviceRole) -> Localized {
        switch role {
        case .adviser: Localized(zh: "顾问", en: "adviser")
        case .office: Localized(zh: "社区", en: "office")
        }
    }

    /// "communities: c01, c02": the communities a device serves.
    public static func communitiesServed(_ list: String) -> Localized {
        Localized(zh: "社区：\(list)", en: "communities: \(list)")
    }

    /// What to do after joining: the first sync registers the device's key.
    public static let firstSyncRegistersKey = Localized(
        zh: "首次同步时向辖区中心登记本设备密钥：fagu sync 或 fagu export",
        en: "the first sync registers this device's key with the hub: fagu sync, or fagu export")

    /// `fagu recover` succeeded: the new device, the groups written again and carried over,
    /// and where the old replica is kept.
    public static func recovered(as device: String, rewritten: Int, carried: Int, keptAt: String) -> Localized {
        Localized(
            zh: "已恢复为新设备 \(device)：重写未确认的变更 \(rewritten) 组，沿用 \(carried) 组；旧副本保存在 \(keptAt)",
            en: "recovered as device \(device): \(rewritten) unconfirmed group(s) written again, "
                + "\(carried) carried over; the old replica is kept in \(keptAt)")
    }

    /// "now run fagu sync (or fagu export)": what to do after recovering.
    public static let syncAfterRecovering = Localized(zh: "请运行 fagu sync（或 fagu export）", en: "now run fagu sync (or fagu export)")

    // MARK: Syncing, exporting, importing

    /// `fagu sync` has no hub address to sync with.
    public static let noHubAddress = Localized(
        zh: "没有辖区中心地址：请用 --hub URL，或用 fagu export 通过U盘同步",
        en: "no hub address: give --hub URL, or sync by file with fagu export")

    /// `fagu sync` will not send residents' data over plain http to `host`.
    public static func refusingClearText(to host: String) -> Localized {
        Localized(zh: "不通过明文 http 向 \(host) 发送居民信息：请用 https，或在可信网络上加 --insecure-http",
                  en: "refusing to send residents' data in clear text to \(host): use https, or --insecure-http on a network you trust")
    }

    /// "syncing ADDRESS …": the progress line as a sync starts.
    public static func syncing(with address: String) -> Localized {
        Localized(zh: "同步中 \(address) …", en: "syncing \(address) …")
    }

    /// The progress line after each round trip of a sync.
    public static func syncingRound(_ round: Int, sent: Int, received: Int) -> Localized {
        Localized(zh: "同步中 第 \(round) 轮：已发送 \(sent)，已接收 \(received)",
                  en: "syncing round \(round): sent \(sent), received \(received)")
    }

    /// `fagu sync` succeeded: what went each way, in how many round trips, and the open conflicts.
    public static func synced(with address: String, sent: Int, received: Int, rounds: Int, openConflicts: Int) -> Localized {
        Localized(
            zh: "已与 \(address) 同步：发送 \(sent) 项，接收 \(received) 项，\(rounds) 轮；未决冲突 \(openConflicts) 个",
            en: "synced with \(address): sent \(sent), received \(received) in \(rounds) round trip(s); \(openConflicts) open conflict(s)")
    }

    /// `fagu export` wrote its file.
    public static func exported(to path: String, changes: Int, bytes: Int) -> Localized {
        Localized(zh: "已写出 \(path)：\(changes) 项变更，\(bytes) 字节", en: "wrote \(path): \(changes) changes, \(bytes) bytes")
    }

    /// `fagu import` applied a reply.
    public static func imported(changes: Int, openConflicts: Int) -> Localized {
        Localized(zh: "已导入 \(changes) 项变更；未决冲突 \(openConflicts) 个",
                  en: "applied \(changes) changes; \(openConflicts) open conflict(s)")
    }

    /// The hub set aside `count` groups of this device's work.
    public static func hubSetAside(_ count: Int) -> Localized {
        Localized(zh: "⚠ 辖区中心搁置了本设备的 \(count) 组变更，原因见 fagu set-aside",
                  en: "⚠ the hub set aside \(count) group(s) of this device's work: see fagu set-aside")
    }

    // MARK: Finding records

    /// A record id given with fewer than 6 characters.
    public static func idTooShort(_ text: String) -> Localized {
        Localized(zh: "编号至少要 6 个字符：\(text)", en: "give at least 6 characters of the id: \(text)")
    }

    /// No record (of `kind`, when given) has an id matching `reference` on this device.
    public static func noRecordMatches(_ reference: String, kind: RecordKind? = nil) -> Localized {
        let what = kind.map { $0.rawValue + " " } ?? ""
        return Localized(zh: "本设备上没有编号为 \(reference) 的\(what)记录", en: "no \(what)record \(reference) on this device")
    }

    /// Several records match `reference`; `list` names them.
    public static func severalRecordsMatch(_ reference: String, _ list: String) -> Localized {
        Localized(zh: "编号 \(reference) 不唯一，可能是：\(list)", en: "\(reference) matches several records: \(list)")
    }

    /// No record with that id in this replica (a device's or the hub's).
    public static func noRecordHere(_ id: String) -> Localized {
        Localized(zh: "这里没有记录 \(id)", en: "no record \(id) here")
    }

    /// "no case ID on this device".
    public static func noCaseOnDevice(_ id: String) -> Localized {
        Localized(zh: "本设备上没有案件 \(id)", en: "no case \(id) on this device")
    }

    /// No logged record of `kind` named `reference` on this device.
    public static func noLoggedWork(_ kind: RecordKind, _ reference: String) -> Localized {
        Localized(zh: "本设备上没有\(kind.chineseName)记录 \(reference)", en: "no \(kind.rawValue) \(reference) on this device")
    }

    /// `--mine` given on a community office's device.
    public static let mineIsForAdvisers = Localized(zh: "--mine 只用于顾问设备", en: "--mine is for an adviser's device")

    // MARK: Conflicts

    /// `fagu resolve`: the record has no open conflict on `field`.
    public static func noOpenConflict(_ id: String, on field: String) -> Localized {
        Localized(zh: "\(id) 的 \(field) 没有未决冲突", en: "\(id) has no open conflict on \(field)")
    }

    /// `fagu resolve`: the record's kind has no field `field`.
    public static func unknownField(_ field: String) -> Localized {
        Localized(zh: "未知字段 \(field)", en: "unknown field \(field)")
    }

    /// `fagu resolve`: `field` takes a whole number.
    public static func takesWholeNumber(_ field: String) -> Localized {
        Localized(zh: "\(field) 须为整数", en: "\(field) takes a whole number")
    }

    /// `fagu resolve`: `field` takes a number.
    public static func takesNumber(_ field: String) -> Localized {
        Localized(zh: "\(field) 须为数字", en: "\(field) takes a number")
    }

    // MARK: Checks before writing

    /// The device's identity is used by another copy (`reason`): it writes no more.
    public static func deviceForked(_ reason: String) -> Localized {
        Localized(
            zh: "本设备的身份已被另一副本使用（\(reason)），不再写入；请向区里申请新的登记文件后运行 fagu recover --enroll 文件",
            en: "this device's identity is used by another copy (\(reason)); it writes no more: get a new enrollment "
                + "file from the hub and run `fagu recover --enroll FILE`")
    }

    /// The device does not serve `community`; `held` lists the ones it does.
    public static func communityNotServed(_ community: String, held: String) -> Localized {
        Localized(zh: "本设备不服务社区 \(community)（可用：\(held)）",
                  en: "this device does not serve community \(community) (it holds \(held))")
    }

    /// Work dated `date` in `community` falls outside `adviser`'s appointment there, as
    /// ``AppointmentGrace/refusal(community:workDay:writtenDay:adviser:appointments:)``
    /// found (its `code`, and its English `reason`).
    public static func appointmentRefusal(code: String, reason: String, date: String, adviser: String,
                                          community: String) -> Localized {
        switch code {
        case "after_appointment":
            Localized(zh: "\(date) 在 \(adviser) 与社区 \(community) 的聘用结束之后，不能记录", en: reason)
        case "late_for_appointment":
            Localized(zh: "与社区 \(community) 的聘用已结束超过 \(AppointmentGrace.days) 天，不能再补记", en: reason)
        default:
            Localized(zh: "\(date) 不在 \(adviser) 与社区 \(community) 的聘用期内", en: reason)
        }
    }

    /// A `--date` that is not a real `YYYY-MM-DD` date.
    public static func dateInvalid(_ date: String) -> Localized {
        Localized(zh: "日期须为 YYYY-MM-DD：\(date)", en: "--date must be YYYY-MM-DD, not \(date)")
    }

    /// A `--date` after today.
    public static func dateAfterToday(_ date: String, today: String) -> Localized {
        Localized(zh: "日期 \(date) 在今天（\(today)）之后", en: "--date \(date) is after today (\(today))")
    }

    /// An adviser's device asked to log another adviser's work.
    public static func adviserLogsOwnWork(_ adviser: String) -> Localized {
        Localized(zh: "顾问设备只能记录本人（\(adviser)）的工作", en: "an adviser's device logs its own adviser's work (\(adviser))")
    }

    /// An office device logging work without `--adviser`.
    public static let officeNeedsAdviser = Localized(zh: "社区设备记录时须用 --adviser 指明顾问", en: "an office device needs --adviser ID")

    /// `adviser` is not appointed to `community` on `date`.
    public static func notAppointed(_ adviser: String, to community: String, on date: String) -> Localized {
        Localized(zh: "\(adviser) 在 \(date) 不是社区 \(community) 的法律顾问", en: "\(adviser) is not appointed to \(community) on \(date)")
    }

    /// A category flag given something not in the fixed list `list`.
    public static func categoryInvalid(_ flag: String, list: String) -> Localized {
        Localized(zh: "\(flag) 须为以下类别之一：\(list)", en: "\(flag) must be one of: \(list)")
    }

    /// A text flag given only spaces.
    public static func textEmpty(_ flag: String) -> Localized {
        Localized(zh: "\(flag) 不能为空", en: "\(flag) must not be empty")
    }

    // MARK: Duty commands

    /// `--hours` out of range.
    public static let hoursOutOfRange = Localized(zh: "--hours 须在 0 到 24 之间", en: "--hours must be more than 0 and at most 24")

    /// `--hard` without `--due`, or `--due` without `--hard`.
    public static let hardNeedsDue = Localized(zh: "疑难咨询须同时给出 --hard 和 --due", en: "--hard and --due go together")

    /// A hard question's `--due` before the question's date.
    public static func dueBeforeQuestion(_ due: String, _ day: String) -> Localized {
        Localized(zh: "答复期限 \(due) 早于咨询日期 \(day)", en: "--due \(due) is before the question's date \(day)")
    }

    /// `fagu aid status` given an unknown status.
    public static let aidStatusInvalid = Localized(zh: "--status 须为 referred、accepted 或 rejected",
                                                   en: "--status must be referred, accepted or rejected")

    /// `fagu commission add` given an unknown kind.
    public static let commissionKindInvalid = Localized(zh: "--kind 须为 document 或 litigation",
                                                        en: "--kind must be document or litigation")

    /// `fagu governance add` given an unknown kind.
    public static let governanceKindInvalid = Localized(zh: "--kind 须为 rules、contract、decision 或 election",
                                                        en: "--kind must be rules, contract, decision or election")

    /// `fagu incident report` given an unknown level.
    public static let incidentLevelInvalid = Localized(zh: "--level 须为 major 或 mass", en: "--level must be major or mass")

    /// `fagu lecture add` given a negative number of attendees.
    public static let attendeesNegative = Localized(zh: "--attendees 不能为负数", en: "--attendees must be 0 or more")

    /// `fagu case update` given neither a status nor a note.
    public static let caseUpdateNeedsChange = Localized(zh: "请给出 --status 或 --note", en: "give --status, --note or both")

    /// `fagu export --format` given a version this release does not write.
    public static func exportFormatUnknown(_ format: Int) -> Localized {
        Localized(zh: "未知的文件格式版本 \(format)（可选 2、3 或 4；3.0 之前的区中心只读 2，4.0 之前的读 2 和 3）",
                  en: "unknown file format version \(format) (2, 3 or 4; a hub before 3.0 reads only 2, one before 4.0 reads 2 and 3)")
    }

    /// `fagu case update` given an unknown status.
    public static func caseStatusUnknown(_ status: String) -> Localized {
        Localized(zh: "未知状态 \(status) (open|in_progress|mediated|referred|closed)",
                  en: "unknown status \(status) (open|in_progress|mediated|referred|closed)")
    }
}
