import FaguDomain
import FaguModel
import FaguRoster
import Testing

@Suite("Roster rules that warn without blocking the import")
struct RosterRuleTests {
    @Test("R2: an adviser taken past 3 communities is named with the count, on the row that does it")
    func r2MoreThanThreeCommunities() throws {
        let result = RosterReader.read(
            advisers: advisers(advisersHeader, qualifiedAdviser("a001", name: "王建国")),
            appointments: appointments(appointmentsHeader, appointment("a001", "c01"), appointment("a001", "c02"),
                                       appointment("a001", "c03"), appointment("a001", "c04")),
            knownCommunities: ["c01", "c02", "c03", "c04"], today: today)
        #expect(result.errors == [])
        #expect(result.appointments.count == 4)
        #expect(result.warningPlaces == [Located("appointments.csv", 5, "community_id", .tooManyCommunities)])
        let warning = try #require(result.warnings.first)
        #expect(warning.code.rule == "R2")
        #expect(warning.english.contains("王建国 (a001)") && warning.english.contains("4 communities"))
        #expect(warning.chinese.contains("王建国 (a001)") && warning.chinese.contains("4 个居村"))
    }

    @Test("R2: the reason in over_limit_reason is read onto the appointment and quoted by the warning")
    func r2WithAReason() throws {
        let header = appointmentsHeader + ",over_limit_reason"
        let reason = "偏远村居无人应聘，区司法局指定兼任"
        let result = RosterReader.read(
            advisers: advisers(advisersHeader, qualifiedAdviser("a001", name: "王建国")),
            appointments: appointments(header, appointment("a001", "c01"), appointment("a001", "c02"),
                                       appointment("a001", "c03"), appointment("a001", "c04") + ",\"  \(reason) \""),
            knownCommunities: ["c01", "c02", "c03", "c04"], today: today)
        #expect(result.errors == [])
        #expect(result.appointments.map(\.overLimitReason) == [nil, nil, nil, reason])
        #expect(result.warningPlaces == [Located("appointments.csv", 5, "community_id", .tooManyCommunities)])
        let warning = try #require(result.warnings.first)
        #expect(warning.english.hasSuffix("; reason recorded: " + reason))
        #expect(warning.chinese.hasSuffix("；已记录理由：" + reason))
        // Without one, the warning says where to record it; a file without the column reads as before.
        let without = RosterReader.read(
            advisers: advisers(advisersHeader, qualifiedAdviser("a001")),
            appointments: appointments(appointmentsHeader, appointment("a001", "c01"), appointment("a001", "c02"),
                                       appointment("a001", "c03"), appointment("a001", "c04")),
            knownCommunities: ["c01", "c02", "c03", "c04"], today: today)
        #expect(without.appointments.allSatisfy { $0.overLimitReason == nil })
        #expect(without.warnings.first?.english.hasSuffix("record the reason in appointments.csv's over_limit_reason column") == true)
    }

    @Test("R2 counts the appointments already on the hub, once each, and only those still active")
    func r2CountsExistingAppointments() {
        let onHub = [existing("a001", "c01"), existing("a001", "c02"), existing("a001", "c03", end: "2026-11-25"),
                     existing("a001", "c04", start: "2026-01-01")]
        let known: Set<String> = ["c01", "c02", "c03", "c04", "c05"]
        // c03 ended yesterday, and the c04 row is the appointment already on the hub: 3 communities.
        let again = RosterReader.read(
            appointments: appointments(appointmentsHeader, appointment("a001", "c04")),
            knownCommunities: known, knownAdvisers: ["a001"], existingAppointments: onHub, today: today)
        #expect(again.warnings == [])
        // A fifth community makes 4.
        let more = RosterReader.read(
            appointments: appointments(appointmentsHeader, appointment("a001", "c05")),
            knownCommunities: known, knownAdvisers: ["a001"], existingAppointments: onHub, today: today)
        #expect(more.warningPlaces == [Located("appointments.csv", 2, "community_id", .tooManyCommunities)])
        #expect(more.warnings.first?.english.contains("c01, c02, c04, c05") == true)
        // An appointment ending today still counts.
        let endsToday = RosterReader.read(
            appointments: appointments(appointmentsHeader, appointment("a001", "c05", end: today)),
            knownCommunities: known, knownAdvisers: ["a001"], existingAppointments: onHub, today: today)
        #expect(endsToday.warningPlaces.map(\.code) == [.tooManyCommunities])
    }

    @Test("R2 is not reported for advisers the files do not name")
    func r2OnlyForNamedAdvisers() {
        let onHub = ["c01", "c02", "c03", "c04"].map { existing("a009", $0) }
        let result = RosterReader.read(
            appointments: appointments(appointmentsHeader, appointment("a001", "c01")),
            knownCommunities: ["c01"], knownAdvisers: ["a001", "a009"], existingAppointments: onHub, today: today)
        #expect(result.warnings == [])
    }

    @Test("R7: under 2 years of practice by today's year, or education other or missing, warns")
    func r7Qualifications() {
        let result = RosterReader.read(
            advisers: advisers(advisersHeader,
                               "a001,王伟,lawyer,上海某某律师事务所,021-1,2024,college",
                               "a002,李娜,legal_worker,浦东法律服务所,021-2,2025,bachelor",
                               "a003,陈晓,volunteer,,021-3,1990,other",
                               "a004,赵刚,lawyer,,021-4,2000,",
                               "a005,钱程,lawyer,,021-5,,master"),
            today: today)
        #expect(result.errors == [])
        #expect(result.advisers.count == 5)
        #expect(result.warningPlaces == [
            Located("advisers.csv", 3, "practice_since", .underqualified),
            Located("advisers.csv", 4, "education", .underqualified),
            Located("advisers.csv", 5, "education", .underqualified),
            Located("advisers.csv", 6, "practice_since", .underqualified),
        ])
        #expect(result.warnings.allSatisfy { $0.isWarning && $0.code.rule == "R7" })
        #expect(result.warnings[0].english.contains("李娜 (a002) has practised for 1 year"))
    }

    @Test("R9: an adviser with no phone, or an appointment with no service hours, warns")
    func r9PublishedContact() {
        let result = RosterReader.read(
            communities: communities(communitiesHeader, "c01,城南居委,residential,川沙司法所"),
            advisers: advisers(advisersHeader, "a001,王伟,lawyer,上海某某律师事务所,,2010,master"),
            appointments: appointments(appointmentsHeader, "a001,c01,2026-01-01,,20000,  "),
            today: today)
        #expect(result.errors == [])
        #expect(result.warningPlaces == [
            Located("advisers.csv", 2, "phone", .unpublishedContact),
            Located("appointments.csv", 2, "service_hours", .unpublishedContact),
        ])
        #expect(result.warnings.allSatisfy { $0.code.rule == "R9" })
        #expect(result.appointments.map(\.serviceHours) == [nil])
    }

    @Test("warnings do not stop an import")
    func warningsDoNotBlock() {
        let result = RosterReader.read(advisers: advisers(advisersHeader, "a001,王伟,volunteer,,,,"), today: today)
        #expect(!result.hasErrors)
        #expect(result.rejectedFiles == [])
        #expect(result.advisers == [Adviser(id: .code("a001"), name: "王伟", kind: .volunteer)])
        #expect(result.warnings.count == 3)
    }
}
