import FaguDomain
import FaguModel
import FaguStore

/// What one device may write, decided group by group with no I/O: the hub's screen before
/// applying a file. A group it refuses is set aside with the code and reason it gives; the
/// rest of the file still applies.
///
/// - A device writes only as its own author, never the roster.
/// - An office writes only in its community, and logs work only of advisers appointed there
///   on the work's date.
/// - An adviser's device writes only that adviser's work, in a community where the work's
///   date (a record's `date`, else the day it was written) falls within one of the
///   adviser's appointments, written no later than ``AppointmentGrace/days`` after that
///   appointment ended.
public struct WriteAuthority: Sendable {
    /// The sending device.
    public let device: EnrolledDevice
    /// The roster's appointments of the device's adviser, or of an office's community.
    public let appointments: [Appointment]

    /// The authority of `device`, given its adviser's `appointments`.
    public init(device: EnrolledDevice, appointments: [Appointment]) {
        self.device = device
        self.appointments = appointments
    }

    /// The author a group from this device must carry.
    public var author: String { device.role == .adviser ? device.subject : "office:\(device.subject)" }

    /// Why `group` must be set aside, or nil when the device may write it.
    public func refusal(of group: ChangeGroup) -> (code: String, reason: String)? {
        if group.scope == .roster {
            return ("roster_write", "only the hub writes the roster; \(device.subject) sent a \(group.kind.rawValue) change")
        }
        if group.author != author {
            return ("wrong_author", "a change is signed as \(group.author), but the device writes as \(author)")
        }
        switch device.role {
        case .office:
            guard device.scopes.contains(group.scope) else {
                return ("outside_scope", "the office of \(device.subject) may not write community \(group.scope)")
            }
            // Work an office logs is an appointed adviser's, on the work's date.
            if let adviser = group.fields.first(where: { $0.field == "adviser_id" })?.value.text {
                let day = group.fields.first(where: { $0.field == "date" })?.value.text ?? group.time.shanghaiDay
                let appointed = appointments.contains {
                    $0.adviserID == adviser && $0.communityID == device.subject && $0.covers(day)
                }
                if !appointed {
                    return ("adviser_not_appointed", "the office of \(device.subject) logged work of \(adviser), who is not "
                            + "appointed to \(device.subject) on \(day)")
                }
            }
            return nil
        case .adviser:
            if let adviser = group.fields.first(where: { $0.field == "adviser_id" })?.value.text, adviser != device.subject {
                return ("wrong_author", "\(device.subject)'s device logged work for adviser \(adviser)")
            }
            let written = group.time.shanghaiDay
            let workDay = group.fields.first(where: { $0.field == "date" })?.value.text ?? written
            return AppointmentGrace.refusal(community: group.scope.name, workDay: workDay, writtenDay: written,
                                            adviser: device.subject, appointments: appointments)
        }
    }
}
