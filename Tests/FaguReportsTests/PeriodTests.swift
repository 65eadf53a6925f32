import FaguDomain
import FaguModel
import FaguReports
import Foundation
import Testing

/// Shanghai months and quarters: where a day falls, and what a time zone cannot move.
@Suite struct PeriodTests {
    @Test func periodsParseAndLabel() throws {
        #expect(try ReportPeriod.month("2026-11").label == "2026-11")
        #expect(try ReportPeriod.quarter("2026-q4").label == "2026-Q4")
        #expect(try ReportPeriod.quarter("2026-Q4").months.map(\.label) == ["2026-10", "2026-11", "2026-12"])
        #expect(try ReportPeriod.year("2026").lastDay == "2026-12-31")
        #expect(throws: ReportPeriodError.self) { try ReportPeriod.month("2026-13") }
        #expect(throws: ReportPeriodError.self) { try ReportPeriod.quarter("2026-Q5") }
        #expect(throws: ReportPeriodError.self) { try ReportPeriod.year("26") }
    }

    @Test func lastDaysBelongToTheirMonthAndQuarter() throws {
        #expect(CalendarMonth(day: "2026-10-31")?.label == "2026-10")
        #expect(CalendarMonth(day: "2026-12-31")?.quarterLabel == "2026-Q4")
        #expect(CalendarMonth(day: "2027-01-01")?.quarterLabel == "2027-Q1")
        #expect(CalendarMonth(day: "2026-03-31")?.quarterLabel == "2026-Q1")
        #expect(try ReportPeriod.quarter("2026-Q1").contains("2026-03-31"))
        #expect(!(try ReportPeriod.quarter("2026-Q1").contains("2026-04-01")))
        #expect(CalendarMonth(year: 2028, month: 2).dayCount == 29)
    }

    @Test func dayNumbersRoundTrip() {
        #expect(CalendarDay.number("1970-01-01") == 0)
        #expect(CalendarDay.number("2026-02-29") == nil)
        var day = CalendarDay.number("2024-01-01")!
        var text = "2024-01-01"
        for _ in 0..<800 {
            #expect(CalendarDay.text(day) == text)
            #expect(CalendarDay.number(text) == day)
            day += 1
            text = CalendarDay.text(day)
        }
        #expect(CalendarDay.text(CalendarDay.number("2026-12-31")! + 1) == "2027-01-01")
    }

    @Test func anAnswerWrittenLateEveningUTCIsTheNextShanghaiDay() {
        let question = Consultation(id: .code("q"), communityID: "c01", adviserID: "a01", date: "2026-12-01", topic: "labour",
                                    question: "?", answer: "!", hard: true, due: "2026-12-05")
        // 2026-12-05T16:30Z is 00:30 on 2026-12-06 in Shanghai, whatever zone the device was in.
        let late = Timestamp(milliseconds: Int64(CalendarDay.number("2026-12-05")!) * 86_400_000 + 16 * 3_600_000 + 30 * 60_000)
        #expect(ConsultationEntry(question, answerWrittenAt: late).answeredOn == "2026-12-06")
        let inTime = Timestamp(milliseconds: late.milliseconds - 60 * 60_000)
        #expect(ConsultationEntry(question, answerWrittenAt: inTime).answeredOn == "2026-12-05")
        var unanswered = question
        unanswered.answer = nil
        #expect(ConsultationEntry(unanswered, answerWrittenAt: late).answeredOn == nil)
    }

    @Test func aLateAnswerAcrossMidnightIsJudgedByTheShanghaiDay() throws {
        let question = Consultation(id: .code("q"), communityID: "c01", adviserID: "a01", date: "2026-12-01", topic: "labour",
                                    question: "?", answer: "!", hard: true, due: "2026-12-05")
        let written = Timestamp(milliseconds: Int64(CalendarDay.number("2026-12-05")!) * 86_400_000 + 15 * 3_600_000 + 59 * 60_000)
        let records = DistrictRecords(communities: [], advisers: [], appointments: [],
                                      consultations: [ConsultationEntry(question, answerWrittenAt: written)])
        // 23:59 in Shanghai on the due day: in time.
        #expect(ComplianceReport.compute(records, period: try .month("2026-12"), asOf: "2026-12-31").violations.isEmpty)
    }
}
