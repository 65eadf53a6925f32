import FaguDomain
import FaguModel
import FaguReports
import Foundation
import Testing

/// Stats by category with their trend, and the annual evaluation's score sheet.
@Suite struct StatsAndEvaluationTests {
    @Test func aCategoryRisingInTheLastMonthIsFlaggedAndCountsLandInTheirMonths() throws {
        var records = SmallDistrict.records()
        var serial = 0
        for (date, count) in [("2026-09-30", 1), ("2026-10-15", 1), ("2026-11-30", 1), ("2026-12-31", 4)] {
            for _ in 0..<count {
                serial += 1
                records.consultations.append(ConsultationEntry(
                    Consultation(id: .code("s\(serial)"), communityID: "c01", adviserID: "a01", date: date, topic: "劳动争议",
                                 question: "?"), answeredOn: nil))
            }
        }
        records.mediations.append(Mediation(id: .code("m1"), communityID: "c02", adviserID: "a01", date: "2026-12-02",
                                            category: "neighbour", summary: "噪音", outcome: "调解成功"))
        let report = StatsReport.compute(records, period: try .month("2026-12"))
        #expect(report.months == ["2026-09", "2026-10", "2026-11", "2026-12"])
        let labour = try #require(report.categories.first { $0.kind == "consultation" && $0.category == "labour" })
        // q1 (labour, 2026-11-01) joins the generated ones in November.
        #expect(labour.counts == [1, 1, 2, 4] && labour.total == 4 && labour.rising)
        #expect(report.rising == ["consultation:labour"])
        #expect(report.categories.first { $0.kind == "mediation" }?.name == "邻里纠纷")
        #expect(report.communities.first?.community == "c01" && report.communities.first?.consultations == 4)
        #expect(report.violations.isEmpty && report.warnings.isEmpty)
    }

    @Test func theEvaluationScoresEachAdviserOnTheSheetAndCarriesTheirFindings() throws {
        let records = SmallDistrict.records()
        let report = EvaluationReport.compute(records, year: 2026, adviser: "a03", asOf: SmallDistrict.asOf)
        let a03 = try #require(report.advisers.first)
        #expect(report.advisers.count == 1 && a03.name == "李新")
        #expect(a03.indicators.monthsAssessed == 2 && a03.indicators.monthsCompliant == 2)
        #expect(a03.indicators.visits == 2 && a03.indicators.hours == 10 && a03.indicators.consultations == 1)
        // 30 for every month on site, 10 × 10/72 for hours, 15 × 1/60 for one consultation.
        #expect(a03.score == ((30 + 10.0 * 10 / 72 + 15.0 / 60) * 10).rounded() / 10)
        #expect(a03.violations.isEmpty)
        #expect(Set(a03.warnings.map(\.rule)) == ["R7", "R9"])

        let everyone = EvaluationReport.compute(records, year: 2026, asOf: SmallDistrict.asOf)
        #expect(everyone.advisers.map(\.adviser).sorted() == ["a01", "a02", "a03", "a04"])
        let a04 = try #require(everyone.advisers.first { $0.adviser == "a04" })
        #expect(a04.violations.isEmpty && a04.warnings.map(\.period) == ["2026-10", "2026-11", "2026-12"])
        #expect(a04.warnings.allSatisfy { $0.rule == "R2" && $0.reason == SmallDistrict.reason })
        let a02 = try #require(everyone.advisers.first { $0.adviser == "a02" })
        // a02 visited c05 in Q4 only: 9 months without a visit, and q2 answered late.
        #expect(a02.indicators.noVisitMonths == 9 && a02.indicators.overdueAnswers == 1)
        #expect(everyone.violations.contains { $0.rule == "R5" && $0.adviser == "a02" && $0.period == "2026-12" })

        let sheet = EvaluationWeights(indicators: [.init(key: "lectures", weight: 100, target: 1)], penalties: [])
        let byLectures = EvaluationReport.compute(records, year: 2026, weights: sheet, adviser: "a02", asOf: SmallDistrict.asOf)
        #expect(byLectures.advisers.first?.score == 100)
    }

    @Test func theShippedSheetIsTheDefaultAndBadSheetsAreRefused() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("tools/reports/evaluation-weights.json")
        let shipped = try JSONDecoder().decode(EvaluationWeights.self, from: Data(contentsOf: file))
        #expect(try shipped.validated() == EvaluationWeights.standard)
        #expect(EvaluationWeights.standard.indicators.reduce(0) { $0 + $1.weight } == 100)
        let bad = EvaluationWeights(indicators: [.init(key: "charm", weight: 10, target: 1)], penalties: [])
        #expect(throws: EvaluationWeightsError(key: "charm")) { try bad.validated() }
    }
}
