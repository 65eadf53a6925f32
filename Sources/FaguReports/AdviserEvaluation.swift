/// One adviser's annual evaluation: the figures, the score sheet and the year's findings.
public struct AdviserEvaluation: Sendable, Encodable {
    /// The adviser.
    public var adviser: String
    /// Their name.
    public var name: String
    /// The year's figures.
    public var indicators: AdviserIndicators
    /// The score sheet, indicators then penalties.
    public var lines: [ScoreLine]
    /// The score, rounded to a tenth.
    public var score: Double
    /// The year's violations involving the adviser (R3, R5).
    public var violations: [ReportFinding]
    /// The year's warnings involving the adviser (R2, R6, R7, R9).
    public var warnings: [ReportFinding]
}
