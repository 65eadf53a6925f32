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
        switch try device.refusal(forWorkIn: community, dated: date) {
        case nil:
            return
        case .forked(let reason):
            throw CommandFailure(language.text(Catalogue.deviceForked(reason)), exitCode: 2)
        case .notHeld(let held):
            throw CommandFailure(language.text(Catalogue.communityNotServed(community, held: held.joined(separator: ", "))),
                                 exitCode: 2)
        case .appointment(let code, let reason):
            throw CommandFailure(language.text(Catalogue.appointmentRefusal(code: code, reason: reason, date: date,
                                                                            adviser: device.subject, community: community)),
                                 exitCode: 2)
        }
    }

    /// `date` must be a real `YYYY-MM-DD` date.
    static func date(_ date: String, _ language: Language) throws {
        guard CalendarDate.isValid(date) else {
            throw CommandFailure(language.text(Catalogue.dateInvalid(date)), exitCode: 2)
        }
    }

    /// The adviser a record is by: the device's adviser, or `--adviser` on an office device —
    /// one appointed to the office's community on `date`, when the device holds the roster.
    static func adviser(_ given: String?, on device: FieldReplica, dated date: String, _ language: Language) throws -> String {
        if device.role == .adviser {
            if let given, given != device.subject {
                throw CommandFailure(language.text(Catalogue.adviserLogsOwnWork(device.subject)), exitCode: 2)
            }
            return device.subject
        }
        guard let given, RecordID.isValidCode(given) else {
            throw CommandFailure(language.text(Catalogue.officeNeedsAdviser), exitCode: 2)
        }
        let appointments = try device.replica.typedRecords(Appointment.self, where: "community_id", is: .text(device.subject))
        let appointed = appointments.contains { $0.adviserID == given && $0.covers(date) }
        if !appointments.isEmpty && !appointed {
            throw CommandFailure(language.text(Catalogue.notAppointed(given, to: device.subject, on: date)), exitCode: 2)
        }
        return given
    }

    /// The code of a category given by code or Chinese name (CLI.md's fixed list).
    static func category(_ given: String, flag: String, _ language: Language) throws -> String {
        guard let code = ConsultationTopic.code(of: given) else {
            let list = ConsultationTopic.listed
            throw CommandFailure(language.text(Catalogue.categoryInvalid(flag, list: list)), exitCode: 2)
        }
        return code
    }

    /// Non-empty text.
    static func text(_ value: String, _ flag: String, _ language: Language) throws -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw CommandFailure(language.text(Catalogue.textEmpty(flag)), exitCode: 2)
        }
        return trimmed
    }
}
