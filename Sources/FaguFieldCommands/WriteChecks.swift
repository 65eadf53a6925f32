import Foundation
import FaguCLI
import FaguModel
import FaguSync

/// Checks shared by the write commands; each throws a one-line failure and changes nothing.
enum WriteChecks {
    /// `community` must be one this device holds.
    static func community(_ community: String, on device: FieldReplica, _ language: Language) throws {
        guard device.communityScopes.contains(.community(community)) else {
            let held = device.communityScopes.map(\.name).joined(separator: ", ")
            throw CommandFailure(language.text(zh: "本设备不服务社区 \(community)（可用：\(held)）",
                                               en: "this device does not serve community \(community) (it holds \(held))"),
                                 exitCode: 2)
        }
    }

    /// `date` must be a real `YYYY-MM-DD` date.
    static func date(_ date: String, _ language: Language) throws {
        guard CalendarDate.isValid(date) else {
            throw CommandFailure(language.text(zh: "日期须为 YYYY-MM-DD：\(date)", en: "--date must be YYYY-MM-DD, not \(date)"),
                                 exitCode: 2)
        }
    }

    /// The adviser a record is by: the device's adviser, or `--adviser` on an office device.
    static func adviser(_ given: String?, on device: FieldReplica, _ language: Language) throws -> String {
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
        return given
    }

    /// Non-empty text.
    static func text(_ value: String, _ flag: String, _ language: Language) throws -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw CommandFailure(language.text(zh: "\(flag) 不能为空", en: "\(flag) must not be empty"), exitCode: 2)
        }
        return trimmed
    }

    /// A record id (a UUID or a bureau code).
    static func recordID(_ text: String, _ language: Language) throws -> RecordID {
        guard let id = RecordID(text) else {
            throw CommandFailure(language.text(zh: "不是记录编号：\(text)", en: "not a record id: \(text)"), exitCode: 2)
        }
        return id
    }
}
