import FaguDomain

/// `report stats`: consultations and disputes (mediations) by category, by community and by
/// month, with each category's trend so that rising ones are seen early (及时预判).
///
/// The months shown are the period's, preceded by the three before it, so a one-month report
/// still has a baseline. A category is *rising* when its last month has at least 3 and at
/// least 1.5 × the average of the three months before. Stats check no rule: `violations` and
/// `warnings` are empty.
public struct StatsReport: Sendable, Encodable {
    /// The period's label.
    public var period: String
    /// The months counted, `YYYY-MM`, oldest first (three before the period, then the period's).
    public var months: [String]
    /// Each category that occurred, most frequent first.
    public var categories: [CategoryTrend]
    /// Each community with any, most first.
    public var communities: [CommunityCounts]
    /// Rising categories, as `kind:category`.
    public var rising: [String]
    /// None.
    public var violations: [ReportFinding]
    /// None.
    public var warnings: [ReportFinding]

    /// Months before the period shown as the baseline.
    public static let baselineMonths = 3

    /// The report over `records` for `period`.
    public static func compute(_ records: DistrictRecords, period: ReportPeriod) -> StatsReport {
        var months = period.months
        for _ in 0..<baselineMonths {
            let first = months[0]
            months.insert(first.month == 1 ? CalendarMonth(year: first.year - 1, month: 12)
                                            : CalendarMonth(year: first.year, month: first.month - 1), at: 0)
        }
        let index = Dictionary(uniqueKeysWithValues: months.enumerated().map { ($0.element.label, $0.offset) })
        var counts: [String: [Int]] = [:]
        var byCommunity: [String: (consultations: Int, mediations: Int, categories: [String: Int])] = [:]
        func count(_ kind: String, _ category: String, _ community: String, _ date: String) {
            guard let slot = index[String(date.prefix(7))] else { return }
            let code = ConsultationTopic.code(of: category) ?? category
            counts[kind + ":" + code, default: Array(repeating: 0, count: months.count)][slot] += 1
            guard period.contains(date) else { return }
            if kind == "consultation" { byCommunity[community, default: (0, 0, [:])].consultations += 1 }
            else { byCommunity[community, default: (0, 0, [:])].mediations += 1 }
            byCommunity[community, default: (0, 0, [:])].categories[code, default: 0] += 1
        }
        for entry in records.consultations {
            count("consultation", entry.consultation.topic, entry.consultation.communityID, entry.consultation.date)
        }
        for mediation in records.mediations { count("mediation", mediation.category, mediation.communityID, mediation.date) }

        let shown = baselineMonths..<months.count
        let categories = counts.map { key, monthly -> CategoryTrend in
            let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
            let last = monthly[monthly.count - 1]
            let before = monthly[(monthly.count - 1 - baselineMonths)..<(monthly.count - 1)]
            let average = Double(before.reduce(0, +)) / Double(baselineMonths)
            return CategoryTrend(kind: parts[0], category: parts[1], name: ConsultationTopic.name(of: parts[1]), counts: monthly,
                                 total: monthly[shown].reduce(0, +), lastMonth: last, previousAverage: average,
                                 rising: last >= 3 && Double(last) >= 1.5 * average)
        }.filter { $0.total > 0 || $0.lastMonth > 0 }
            .sorted { ($1.total, $0.kind, $0.category) < ($0.total, $1.kind, $1.category) }
        let communities = byCommunity.map { community, tally in
            CommunityCounts(community: community, consultations: tally.consultations, mediations: tally.mediations,
                            topCategory: tally.categories.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key)
        }.sorted { ($1.consultations + $1.mediations, $0.community) < ($0.consultations + $0.mediations, $1.community) }
        return StatsReport(period: period.label, months: months.map(\.label), categories: categories, communities: communities,
                           rising: categories.filter(\.rising).map { $0.kind + ":" + $0.category }, violations: [], warnings: [])
    }
}
