import FaguDomain
import FaguModel

extension RosterReader {
    /// Whether `appointment` is in force on `today` or later: it has no end, or ends on or
    /// after `today`.
    static func isActive(_ appointment: Appointment, today: String) -> Bool {
        appointment.end.map { $0 >= today } ?? true
    }

    /// R2: every adviser named in the files read who, counting the appointments already on
    /// the hub and the new ones, would serve more than 3 communities.
    ///
    /// The warning sits on the appointment row that takes the adviser past 3 communities,
    /// else on the adviser's first new appointment, else on the adviser's row. It quotes the
    /// reasons recorded on the adviser's appointments in force (`over_limit_reason`), or says
    /// where to record one.
    static func crowdedAdviserWarnings(advisers: SheetReading<Adviser>?, appointments: SheetReading<Appointment>?,
                                       existing: [RecordID: Appointment], today: String) -> [RosterProblem] {
        let newRows = (appointments?.accepted ?? []).filter { isActive($0.record, today: today) }
        var all = existing
        for (_, appointment) in appointments?.accepted ?? [] { all[appointment.id] = appointment }
        var served: [String: Set<String>] = [:]
        var reasons: [String: [(community: String, reason: String)]] = [:]
        for appointment in all.values where isActive(appointment, today: today) {
            served[appointment.adviserID, default: []].insert(appointment.communityID)
            if let reason = appointment.overLimitReason {
                reasons[appointment.adviserID, default: []].append((appointment.communityID, reason))
            }
        }

        var names: [String: String] = [:]
        for (_, adviser) in advisers?.accepted ?? [] { names[adviser.id.description] = adviser.name }
        let named = Set(names.keys).union(newRows.map(\.record.adviserID))
        let newIDs = Set((appointments?.accepted ?? []).map(\.record.id))

        var warnings: [RosterProblem] = []
        for adviserID in named.sorted() {
            guard let communities = served[adviserID], communities.count > 3 else { continue }
            let mine = newRows.filter { $0.record.adviserID == adviserID }
            var counted = Set(existing.values.filter {
                $0.adviserID == adviserID && !newIDs.contains($0.id) && isActive($0, today: today)
            }.map(\.communityID))
            var place: RosterProblem.Place?
            if let file = appointments?.file {
                for (line, appointment) in mine {
                    counted.insert(appointment.communityID)
                    if counted.count > 3 {
                        place = RosterProblem.Place(file: file, line: line, field: "community_id")
                        break
                    }
                }
                if place == nil, let first = mine.first {
                    place = RosterProblem.Place(file: file, line: first.line, field: "adviser_id")
                }
            }
            if place == nil, let advisers, let line = advisers.lines[adviserID] {
                place = RosterProblem.Place(file: advisers.file, line: line, field: "id")
            }
            guard let place else { continue }
            var recorded: [String] = []
            let given = (reasons[adviserID] ?? []).sorted { ($0.community, $0.reason) < ($1.community, $1.reason) }
            for (_, reason) in given where !recorded.contains(reason) { recorded.append(reason) }
            warnings.append(.tooManyCommunities(place, adviserID: adviserID, name: names[adviserID],
                                                communities: communities.sorted(), reasons: recorded))
        }
        return warnings
    }
}
