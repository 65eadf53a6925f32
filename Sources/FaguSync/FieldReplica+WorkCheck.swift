import FaguDomain

extension FieldReplica {
    /// Why work dated `date` in `community` may not be written on this device now, or nil when
    /// it may: the device is not forked, holds the community, and — on an adviser's device —
    /// the date falls within the adviser's appointment there, no more than the grace period
    /// after it ended. Before its first sync a device holds no roster: its enrollment's scopes
    /// decide, and the hub checks the dates when the work arrives.
    public func refusal(forWorkIn community: String, dated date: String) throws -> WorkRefusal? {
        if let reason = try forkedReason() { return .forked(reason: reason) }
        let held = try communityScopes
        guard held.contains(.community(community)) else { return .notHeld(held: held.map(\.name)) }
        guard role == .adviser else { return nil }
        let appointments = try replica.typedRecords(Appointment.self, where: "adviser_id", is: .text(subject))
        guard appointments.contains(where: { $0.communityID == community }) else { return nil }
        return AppointmentGrace.refusal(community: community, workDay: date, writtenDay: replica.now().shanghaiDay,
                                        adviser: subject, appointments: appointments)
            .map { .appointment(code: $0.code, reason: $0.reason) }
    }
}
