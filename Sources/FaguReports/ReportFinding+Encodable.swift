extension ReportFinding: Encodable {
    private enum CodingKeys: String, CodingKey {
        case rule, problem, period, community, adviser, appointment, record, problems, communities, reason
        case uncoveredDays, firstUncoveredDay, visits, hours, requiredHours, due, answeredOn, daysLate, feeCNY
        case delayMinutes, deviceClockAhead
    }

    /// Whether the rule asks for a recorded reason, so the JSON always has `reason` (null
    /// when none was recorded) and a reader tells "no reason" from "not asked".
    private var asksForReason: Bool { rule == "R2" }

    /// The finding as JSON: the fields that apply, `reason` always on R2.
    ///
    /// ```json
    /// {"rule": "R2", "problem": "over_community_limit", "period": "2026-11", "adviser": "a01",
    ///  "communities": ["c01", "c02", "c03", "c04"], "reason": null}
    /// ```
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(problem, forKey: .problem)
        try container.encode(period, forKey: .period)
        try container.encodeIfPresent(community, forKey: .community)
        try container.encodeIfPresent(adviser, forKey: .adviser)
        try container.encodeIfPresent(appointment, forKey: .appointment)
        try container.encodeIfPresent(record, forKey: .record)
        try container.encodeIfPresent(problems, forKey: .problems)
        try container.encodeIfPresent(communities, forKey: .communities)
        if asksForReason {
            try container.encode(reason, forKey: .reason)
        } else {
            try container.encodeIfPresent(reason, forKey: .reason)
        }
        try container.encodeIfPresent(uncoveredDays, forKey: .uncoveredDays)
        try container.encodeIfPresent(firstUncoveredDay, forKey: .firstUncoveredDay)
        try container.encodeIfPresent(visits, forKey: .visits)
        try container.encodeIfPresent(hours, forKey: .hours)
        try container.encodeIfPresent(requiredHours, forKey: .requiredHours)
        try container.encodeIfPresent(due, forKey: .due)
        try container.encodeIfPresent(answeredOn, forKey: .answeredOn)
        try container.encodeIfPresent(daysLate, forKey: .daysLate)
        try container.encodeIfPresent(feeCNY, forKey: .feeCNY)
        try container.encodeIfPresent(delayMinutes, forKey: .delayMinutes)
        try container.encodeIfPresent(deviceClockAhead, forKey: .deviceClockAhead)
    }
}
