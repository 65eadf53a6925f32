import Foundation
import FaguCLI
import FaguDomain
import FaguModel
import FaguSync

/// Checks shared by the write commands; each throws a one-line failure and changes nothing.
enum WriteChecks {
    /// Work dated `date` in `community` may be written on this device now: the device is not
    /// forked, holds the community, and — on an adviser's device — the date falls within the
    /// adviser's appointment there, no more than the grace period after it ended.
    static func work(in community: String, dated date: String, on device: FieldReplica, _ language: Language) throws {
        if let reason = try device.forkedReason() {
            throw CommandFailure(language.text(
                zh: "本设备的身份已被另一副本使用（\(reason)），不再写入；请向区里申请新的登记文件后运行 fagu recover --enroll 文件",
                en: "this device's identity is used by another copy (\(reason)); it writes no more: get a new enrollment "
                    + "file from the hub and run `fagu recover --enroll FILE`"), exitCode: 2)
        }
        let held = try device.communityScopes
        guard held.contains(.community(community)) else {
            let list = held.map(\.name).joined(separator: ", ")
            throw CommandFailure(language.text(zh: "本设备不服务社区 \(community)（可用：\(list)）",
                                               en: "this device does not serve community \(community) (it holds \(list))"),
                                 exitCode: 2)
        }
        guard device.role == .adviser else { return }
        let appointments = try device.replica.typedRecords(Appointment.self, where: "adviser_id", is: .text(device.subject))
        // Before its first sync a device holds no roster: its enrollment's scopes decide, and
        // the hub checks the dates when the work arrives.
        guard appointments.contains(where: { $0.communityID == community }) else { return }
        let today = device.replica.now().shanghaiDay
        if let refusal = AppointmentGrace.refusal(community: community, workDay: date, writtenDay: today,
                                                  adviser: device.subject, appointments: appointments) {
            let zh: String
            switch refusal.code {
            case "after_appointment":
                zh = "\(date) 在 \(device.subject) 与社区 \(community) 的聘用结束之后，不能记录"
            case "late_for_appointment":
                zh = "与社区 \(community) 的聘用已结束超过 \(AppointmentGrace.days) 天，不能再补记"
            default:
                zh = "\(date) 不在 \(device.subject) 与社区 \(community) 的聘用期内"
            }
            throw CommandFailure(language.text(zh: zh, en: refusal.reason), exitCode: 2)
        }
    }

    /// `date` must be a real `YYYY-MM-DD` date.
    static func date(_ date: String, _ language: Language) throws {
        guard CalendarDate.isValid(date) else {
            throw CommandFailure(language.text(zh: "日期须为 YYYY-MM-DD：\(date)", en: "--date must be YYYY-MM-DD, not \(date)"),
                                 exitCode: 2)
        }
    }

    /// The adviser a record is by: the device's adviser, or `--adviser` on an office device —
    /// one appointed to the office's community on `date`, when the device holds the roster.
    static func adviser(_ given: String?, on device: FieldReplica, dated date: String, _ language: Language) throws -> String {
        if device.role == .adviser {
            if let given, given != device.subject {
                throw CommandFailure(language.text(zh: "顾问设备只能记录本人（\(device.subject)）的工作",
                                                   en: "an adviser's device logs its own adviser's work (\(device.subject))"),
                                     exitCode: 2)
            }
            return device.subject
        }
        guard let given, RecordID.isValidCode(given) else {
            throw CommandFailure(language.text(zh: "社区设备记录时须用 --adviser 指明顾问", en: "an office device needs --adviser ID"),
                                 exitCode: 2)
        }
        let appointments = try device.replica.typedRecords(Appointment.self, where: "community_id", is: .text(device.subject))
        let appointed = appointments.contains { $0.adviserID == given && $0.covers(date) }
        if !appointments.isEmpty && !appointed {
            throw CommandFailure(language.text(zh: "\(given) 在 \(date) 不是社区 \(device.subject) 的法律顾问",
                                               en: "\(given) is not appointed to \(device.subject) on \(date)"), exitCode: 2)
        }
        return given
    }

    /// The code of a category given by code or Chinese name (CLI.md's fixed list).
    static func category(_ given: String, flag: String, _ language: Language) throws -> String {
        guard let code = ConsultationTopic.code(of: given) else {
            let list = ConsultationTopic.listed
            throw CommandFailure(language.text(zh: "\(flag) 须为以下类别之一：\(list)", en: "\(flag) must be one of: \(list)"),
                                 exitCode: 2)
        }
        return code
    }

    /// Non-empty text.
    static func text(_ value: String, _ flag: String, _ language: Language) throws -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw CommandFailure(language.text(zh: "\(flag) 不能为空", en: "\(flag) must not be empty"), exitCode: 2)
        }
        return trimmed
    }
}
