import FaguDomain
import FaguModel
import FaguReports
import Foundation
import Testing

/// Each report over ``SmallDistrict`` finds exactly the cases built into it, in its JSON.
@Suite struct ReportTests {
    let records = SmallDistrict.records()
    let quarter = try! ReportPeriod.quarter("2026-Q4")

    @Test func coverageFindsTheCommunityWithNoAdviserTheBusyAdvisersAndTheUnqualifiedOne() throws {
        let report = CoverageReport.compute(records, period: quarter)
        #expect(try FindingKey.of(report, "violations") == [
            FindingKey("R1 no_adviser 2026-10 c06"), FindingKey("R1 no_adviser 2026-11 c06"), FindingKey("R1 no_adviser 2026-12 c06"),
        ])
        #expect(try FindingKey.of(report, "warnings") == [
            FindingKey("R2 over_community_limit 2026-10 a01"), FindingKey("R2 over_community_limit 2026-11 a01"),
            FindingKey("R2 over_community_limit 2026-12 a01"),
            FindingKey("R2 over_community_limit 2026-10 a04"), FindingKey("R2 over_community_limit 2026-11 a04"),
            FindingKey("R2 over_community_limit 2026-12 a04"),
            FindingKey("R9 not_published 2026-Q4 c02 a03"), FindingKey("R7 qualification 2026-Q4 a03"),
        ])
        #expect(report.warnings.first { $0.rule == "R2" }?.communities == ["c01", "c02", "c03", "c04"])
        #expect(report.warnings.first { $0.adviser == "a04" }?.communities == ["c01", "c02", "c03", "c05"])
        #expect(report.warnings.first { $0.rule == "R9" }?.problems == ["service_hours"])
        #expect(report.warnings.first { $0.rule == "R7" }?.problems == ["practice_under_2_years"])
        #expect(report.violations[0].uncoveredDays == 31)
        #expect(report.rows.first { $0.community == "c02" }?.advisers == ["a01", "a03", "a04"])
    }

    @Test func theR2WarningCarriesTheReasonRecordedOnTheAppointmentsAndNullWithout() throws {
        let report = CoverageReport.compute(records, period: quarter)
        let r2 = report.warnings.filter { $0.rule == "R2" }
        // Recorded on two of a04's appointments, the same words: said once.
        #expect(r2.filter { $0.adviser == "a04" }.map(\.reason) == Array(repeating: SmallDistrict.reason, count: 3))
        #expect(r2.filter { $0.adviser == "a01" }.allSatisfy { $0.reason == nil })

        let json = try Self.items(report, "warnings").filter { $0["rule"] as? String == "R2" }
        #expect(json.count == 6)
        #expect(json.filter { $0["adviser"] as? String == "a04" }.allSatisfy { $0["reason"] as? String == SmallDistrict.reason })
        // No reason recorded is said as null, not left out.
        #expect(json.filter { $0["adviser"] as? String == "a01" }.allSatisfy { $0.keys.contains("reason") && $0["reason"] is NSNull })
        // A finding of another rule has no reason to carry.
        #expect(try Self.items(report, "warnings").filter { $0["rule"] as? String != "R2" }.allSatisfy { $0["reason"] == nil })
    }

    @Test func differentReasonsOnOneAdvisersAppointmentsAreAllReported() {
        var records = self.records
        records.appointments = records.appointments.map { appointment in
            var appointment = appointment
            if appointment.id == .code("a04@c05") { appointment.overLimitReason = "惠南镇东门居委会新建" }
            return appointment
        }
        let november = CoverageReport.compute(records, period: try! ReportPeriod.month("2026-11"))
        #expect(november.warnings.first { $0.adviser == "a04" }?.reason == SmallDistrict.reason + "; 惠南镇东门居委会新建")
    }

    @Test func complianceFindsTheShortMonthTheMissedMonthTheMissingLectureAndTheLateAnswers() throws {
        let report = ComplianceReport.compute(records, period: quarter, asOf: SmallDistrict.asOf)
        #expect(try FindingKey.of(report, "violations") == [
            FindingKey("R3 hours_short 2026-11 c02 a01"), FindingKey("R3 no_visit 2026-12 c03 a01"),
            FindingKey("R4 no_lecture 2026-Q4 c04"),
            FindingKey("R5 overdue 2026-11 c01 a01 q1"), FindingKey("R5 answered_late 2026-12 c05 a02 q2"),
        ])
        #expect(try FindingKey.of(report, "warnings") == [FindingKey("R6 incident_reported 2026-11 c03 a01 i1")])
        let short = try #require(report.violations.first { $0.problem == "hours_short" })
        #expect(short.hours == 5 && short.requiredHours == 6 && short.visits == 2)
        #expect(report.violations.first { $0.record == "q2" }?.daysLate == 3)
        #expect(report.violations.first { $0.record == "q1" }?.daysLate == 51)
        #expect(report.warnings[0].delayMinutes == 30)
    }

    @Test func anAppointmentStartingMidMonthAsksForItsShareOfTheHoursAndNothingBefore() {
        let report = ComplianceReport.compute(records, period: quarter, asOf: SmallDistrict.asOf)
        let rows = report.visits.filter { $0.adviser == "a03" }
        #expect(rows.map(\.month) == ["2026-11", "2026-12"])
        #expect(rows[0].coveredDays == 15 && rows[0].requiredHours == 3 && rows[0].compliant)
        #expect(rows[1].requiredHours == 6 && rows[1].compliant)
        #expect(ComplianceReport.requiredHours(covered: 15, of: 30) == 3)
        #expect(ComplianceReport.requiredHours(covered: 10, of: 31) == 2)
        #expect(ComplianceReport.requiredHours(covered: 6, of: 30) == nil)
        #expect(ComplianceReport.requiredHours(covered: 30, of: 30) == 6)
    }

    @Test func monthsAndQuartersNotYetEndedAreNotJudged() throws {
        let report = ComplianceReport.compute(records, period: quarter, asOf: "2026-12-15")
        #expect(try FindingKey.of(report, "violations") == [
            FindingKey("R3 hours_short 2026-11 c02 a01"), FindingKey("R5 overdue 2026-11 c01 a01 q1"),
            FindingKey("R5 answered_late 2026-12 c05 a02 q2"),
        ])
        #expect(report.visits.filter { $0.month == "2026-12" }.allSatisfy { $0.requiredHours == nil })
        #expect(report.lectures.isEmpty)
    }

    @Test func aVisitOnTheLastDayOfAMonthCountsForThatMonth() {
        let report = ComplianceReport.compute(records, period: quarter, asOf: SmallDistrict.asOf)
        let c04 = report.visits.filter { $0.community == "c04" }
        #expect(c04.map(\.visits) == [1, 1, 1])
        #expect(c04.allSatisfy { $0.compliant })
        #expect(c04.map(\.hours) == [6, 6, 6])  // the 1 hour on 2026-09-30 stays in September
    }

    @Test func aMonthReportJudgesNoQuarterAndAQuarterEndingMonthJudgesNone() throws {
        let november = ComplianceReport.compute(records, period: try ReportPeriod.month("2026-11"), asOf: SmallDistrict.asOf)
        #expect(try FindingKey.of(november, "violations") == [
            FindingKey("R3 hours_short 2026-11 c02 a01"), FindingKey("R5 overdue 2026-11 c01 a01 q1"),
        ])
        #expect(november.lectures.isEmpty)
        let year = ComplianceReport.compute(records, period: try ReportPeriod.year("2026"), asOf: SmallDistrict.asOf)
        // The lecture on 2026-09-30 keeps c04's Q3 clean; Q1 and Q2 had none anywhere.
        #expect(year.violations.filter { $0.rule == "R4" }.map(\.period).sorted()
            == ["2026-Q1", "2026-Q1", "2026-Q1", "2026-Q1", "2026-Q1", "2026-Q2", "2026-Q2", "2026-Q2", "2026-Q2", "2026-Q2",
                "2026-Q3", "2026-Q3", "2026-Q3", "2026-Q3", "2026-Q4"])
    }

    @Test func fundingFindsTheCommunityUnderTenThousandAndTheOneWithNothing() throws {
        let report = FundingReport.compute(records, year: 2026)
        #expect(try FindingKey.of(report, "violations") == [FindingKey("R8 under_floor 2026 c05"), FindingKey("R8 under_floor 2026 c06")])
        #expect(report.rows.first { $0.community == "c05" }?.totalCNY == 8_000)
        let c02 = try #require(report.rows.first { $0.community == "c02" })
        // 2,000 × 46 / 365 for a03 from 2026-11-16; nothing from a04, who serves without a fee.
        #expect(c02.appointments.map(\.shareCNY) == [12_000, 252, 0])
        #expect(try FindingKey.of(report, "warnings").isEmpty)
    }

    /// The items of `array` in `report`'s JSON, as the command writes it (snake_case keys).
    static func items<T: Encodable>(_ report: T, _ array: String) throws -> [[String: Any]] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let object = try JSONSerialization.jsonObject(with: encoder.encode(report)) as? [String: Any] ?? [:]
        return object[array] as? [[String: Any]] ?? []
    }

    @Test func incidentsAreOneWarningEachWithTheirDelay() throws {
        let report = IncidentsReport.compute(records, period: quarter)
        #expect(try FindingKey.of(report, "warnings") == [FindingKey("R6 incident_reported 2026-11 c03 a01 i1")])
        #expect(report.violations.isEmpty && report.longestDelayMinutes == 30)
        #expect(IncidentsReport.compute(records, period: try ReportPeriod.month("2026-10")).incidents.isEmpty)
    }
}
