/// The score sheet of the annual evaluation (年度评估): how many points each indicator is
/// worth and at what yearly figure it earns them all, and what each lapse costs. The bureau
/// keeps it in one JSON file it can edit (`evaluation-weights.json`; the default ships in
/// `tools/reports/`), of this shape:
///
/// ```json
/// {"indicators": [{"key": "months_compliant", "weight": 30, "target": 1}, …],
///  "penalties": [{"key": "overdue_answers", "points": 2}, …]}
/// ```
///
/// An indicator earns `weight × min(1, value ÷ target)`; a penalty takes `points × count`;
/// the score is their difference, never below 0.
public struct EvaluationWeights: Codable, Hashable, Sendable {
    /// One indicator's weight and target.
    public struct Indicator: Codable, Hashable, Sendable {
        /// The indicator (one of ``AdviserIndicators/keys``).
        public var key: String
        /// Points when the target is met.
        public var weight: Double
        /// The yearly figure that earns every point.
        public var target: Double

        /// An indicator from its parts.
        public init(key: String, weight: Double, target: Double) {
            self.key = key
            self.weight = weight
            self.target = target
        }
    }

    /// One lapse and what it costs.
    public struct Penalty: Codable, Hashable, Sendable {
        /// The lapse (one of ``AdviserIndicators/keys``).
        public var key: String
        /// Points taken per occurrence.
        public var points: Double

        /// A penalty from its parts.
        public init(key: String, points: Double) {
            self.key = key
            self.points = points
        }
    }

    /// The indicators scored.
    public var indicators: [Indicator]
    /// The lapses penalised.
    public var penalties: [Penalty]

    /// A sheet from its parts.
    public init(indicators: [Indicator], penalties: [Penalty]) {
        self.indicators = indicators
        self.penalties = penalties
    }

    /// The sheet that ships: 100 points, 30 of them for being on site every month.
    public static let standard = EvaluationWeights(
        indicators: [
            Indicator(key: "months_compliant", weight: 30, target: 1),
            Indicator(key: "hours", weight: 10, target: 72),
            Indicator(key: "consultations", weight: 15, target: 60),
            Indicator(key: "mediations", weight: 10, target: 12),
            Indicator(key: "legal_aid", weight: 5, target: 4),
            Indicator(key: "governance", weight: 10, target: 6),
            Indicator(key: "lectures", weight: 10, target: 4),
            Indicator(key: "commissions", weight: 5, target: 4),
            Indicator(key: "incidents", weight: 5, target: 1),
        ],
        penalties: [Penalty(key: "overdue_answers", points: 2), Penalty(key: "no_visit_months", points: 2)])

    /// Checks every key names an indicator.
    ///
    /// - Throws: ``EvaluationWeightsError`` naming the first unknown key or bad number.
    public func validated() throws(EvaluationWeightsError) -> EvaluationWeights {
        for indicator in indicators {
            guard AdviserIndicators.keys.contains(indicator.key) else { throw EvaluationWeightsError(key: indicator.key) }
            guard indicator.target > 0, indicator.weight >= 0 else { throw EvaluationWeightsError(key: indicator.key) }
        }
        for penalty in penalties where !AdviserIndicators.keys.contains(penalty.key) || penalty.points < 0 {
            throw EvaluationWeightsError(key: penalty.key)
        }
        return self
    }
}
