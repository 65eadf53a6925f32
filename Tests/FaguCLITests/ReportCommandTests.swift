import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `fagu-hub report …` against a real hub: a small 2025 district whose answers are known by
/// construction, read back from the JSON each report writes, and the HTML parsed.
@Suite struct ReportCommandTests {
    /// A hub with c01 (served by a001 for 8,000 CNY) and c02 (no adviser); a001 visited c01
    /// for 6 hours on 2025-10-31, 5 hours in November and never in December, gave no lecture
    /// in Q4, left a hard question due 2025-11-10 unanswered, and reported an incident.
    static func district() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(prefix: "fagu-report")
        _ = try Hub.create(home: directory.file("hub"), district: "崇明区", configuration: TestDistrict.configuration)
        let hub = try Hub.open(home: directory.file("hub"), configuration: TestDistrict.configuration)
        _ = try hub.writeRoster(
            communities: [Community(id: .code("c01"), name: "城桥镇城东村", kind: .village, judicialOffice: "城桥司法所"),
                          Community(id: .code("c02"), name: "堡镇居委会", kind: .residential, judicialOffice: "堡镇司法所")],
            advisers: [Adviser(id: .code("a001"), name: "王丽华", kind: .lawyer, phone: "13800000001", practiceSince: 2012,
                               education: .master)],
            appointments: [Appointment(id: .code("a001@c01"), adviserID: "a001", communityID: "c01", start: "2025-01-01",
                                       annualFeeCNY: 8_000, serviceHours: "周二 9:00-17:00")])
        try hub.replica.write { transaction in
            for (date, hours) in [("2025-10-31", 6.0), ("2025-11-12", 5.0)] {
                try transaction.insert(Visit(id: transaction.newRecordID(), communityID: "c01", adviserID: "a001", date: date,
                                             hours: hours))
            }
            try transaction.insert(Lecture(id: transaction.newRecordID(), communityID: "c01", adviserID: "a001",
                                           date: "2025-09-30", topic: "民法典", attendees: 40))
            try transaction.insert(Consultation(id: transaction.newRecordID(), communityID: "c01", adviserID: "a001",
                                                date: "2025-11-01", topic: "labour", question: "欠薪", hard: true, due: "2025-11-10"))
            try transaction.insert(IncidentReport(id: transaction.newRecordID(), communityID: "c01", adviserID: "a001",
                                                  date: "2025-11-03", level: .mass, summary: "征地补偿"))
        }
        return directory
    }

    /// Runs a report with `--json --out` and returns its rule/problem/period/ids per finding.
    static func findings(_ directory: TemporaryDirectory, _ arguments: [String]) throws -> (violations: Set<String>, warnings: Set<String>) {
        let out = directory.file("report-\(UUID().uuidString).json")
        try hub(["report"] + arguments + ["--home", directory.file("hub"), "--json", "--out", out])
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any] ?? [:]
        func keys(_ name: String) -> Set<String> {
            Set((object[name] as? [[String: Any]] ?? []).map { item in
                ["rule", "problem", "period", "community", "adviser"].compactMap { item[$0] as? String }.joined(separator: " ")
            })
        }
        return (keys("violations"), keys("warnings"))
    }

    /// The bytes of the hub's replica files, to show a report leaves them as they were (SQLite
    /// may create an empty write-ahead log beside a database it opens: no content, no change).
    static func replicaFiles(_ directory: TemporaryDirectory) -> [Data?] {
        ["", "-wal"].map { try? Data(contentsOf: URL(fileURLWithPath: Hub.replicaPath(home: directory.file("hub")) + $0)) }
            .map { $0?.isEmpty == true ? nil : $0 }
    }

    @Test func eachReportFindsExactlyTheCasesBuiltIn() throws {
        let directory = try Self.district()
        let before = Self.replicaFiles(directory)
        defer { #expect(Self.replicaFiles(directory) == before, "a report changed the replica") }
        let coverage = try Self.findings(directory, ["coverage", "--quarter", "2025-Q4"])
        #expect(coverage.violations == ["R1 no_adviser 2025-10 c02", "R1 no_adviser 2025-11 c02", "R1 no_adviser 2025-12 c02"])
        #expect(coverage.warnings.isEmpty)

        let compliance = try Self.findings(directory, ["compliance", "--quarter", "2025-Q4"])
        #expect(compliance.violations == ["R3 hours_short 2025-11 c01 a001", "R3 no_visit 2025-12 c01 a001",
                                          "R4 no_lecture 2025-Q4 c01", "R5 overdue 2025-11 c01 a001"])
        #expect(compliance.warnings == ["R6 incident_reported 2025-11 c01 a001"])

        let funding = try Self.findings(directory, ["funding", "--year", "2025"])
        #expect(funding.violations == ["R8 under_floor 2025 c01", "R8 under_floor 2025 c02"])

        let incidents = try Self.findings(directory, ["incidents", "--month", "2025-11"])
        #expect(incidents.violations.isEmpty && incidents.warnings == ["R6 incident_reported 2025-11 c01 a001"])

        let evaluation = try Self.findings(directory, ["evaluation", "--year", "2025", "--adviser", "a001"])
        #expect(evaluation.violations.contains("R5 overdue 2025-11 c01 a001"))
        #expect(evaluation.violations.contains("R3 hours_short 2025-11 c01 a001"))
        let stats = try Self.findings(directory, ["stats", "--year", "2025"])
        #expect(stats.violations.isEmpty && stats.warnings.isEmpty)

        // A visit on the last day of October counts for October: no R3 there.
        let october = try Self.findings(directory, ["compliance", "--month", "2025-10"])
        #expect(october.violations.isEmpty)
    }

    @Test func tablesAndCSVWriteChineseAndTheBOM() throws {
        let directory = try Self.district()
        let table = directory.file("coverage.txt"), csv = directory.file("funding.csv")
        try hub(["report", "coverage", "--quarter", "2025-Q4", "--home", directory.file("hub"), "--lang", "zh", "--out", table])
        let text = try String(contentsOfFile: table, encoding: .utf8)
        #expect(text.contains("法律顾问覆盖情况（2025-Q4）") && text.contains("无在岗法律顾问") && text.contains("堡镇居委会"))
        try hub(["report", "funding", "--year", "2025", "--home", directory.file("hub"), "--format", "csv", "--out", csv])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes, as: UTF8.self).contains("c01,城桥镇城东村,8000,a001@c01: 8000"))
    }

    @Test func theHTMLPageIsWellFormedSelfContainedAndHasOneSVGPerChart() throws {
        let directory = try Self.district()
        for (arguments, charts) in [(["coverage", "--quarter", "2025-Q4"], 1), (["compliance", "--quarter", "2025-Q4"], 1),
                                    (["funding", "--year", "2025"], 1), (["incidents", "--year", "2025"], 0),
                                    (["stats", "--quarter", "2025-Q4"], 1), (["evaluation", "--year", "2025"], 1)] {
            let out = directory.file("\(arguments[0]).html")
            try hub(["report"] + arguments + ["--home", directory.file("hub"), "--format", "html", "--out", out])
            let data = try Data(contentsOf: URL(fileURLWithPath: out))
            let page = HTMLCheck()
            let parser = XMLParser(data: data)
            parser.delegate = page
            #expect(parser.parse(), "\(arguments[0]): \(parser.parserError.map { "\($0)" } ?? "")")
            #expect((page.elements["svg"] ?? 0) == charts, "\(arguments[0])")
            #expect(page.elements["script"] == nil && page.elements["link"] == nil && page.elements["img"] == nil)
            #expect(page.references.isEmpty, "\(page.references)")
            #expect(!String(decoding: data, as: UTF8.self).contains("http"))
        }
    }

    @Test func theReasonRecordedInTheRosterFileIsTheR2WarningsReasonInJSONTableAndCSV() throws {
        // The sample roster: a001 serves c01, c02, c04 and c05 in 2026, with the reason on c05's row.
        let directory = try TemporaryDirectory(prefix: "fagu-report")
        let home = directory.file("hub")
        try hub(["init", "--home", home, "--district", "浦东新区", "--json"])
        try hub(["roster", "import", "--home", home, "--json", "--communities", roster + "/communities.csv",
                 "--advisers", roster + "/advisers.csv", "--appointments", roster + "/appointments.csv"])
        let reason = "惠南镇东门居委会新建，2026 年公开招聘未果，区司法局指定王建国兼任至新顾问到任"

        let out = directory.file("coverage.json")
        try hub(["report", "coverage", "--month", "2026-06", "--home", home, "--json", "--out", out])
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any] ?? [:]
        let r2 = (object["warnings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "R2" }
        #expect(r2.count == 1)
        #expect(r2.first?["adviser"] as? String == "a001" && r2.first?["reason"] as? String == reason)
        #expect(r2.first?["communities"] as? [String] == ["c01", "c02", "c04", "c05"])

        let table = directory.file("coverage.txt"), csv = directory.file("coverage.csv")
        try hub(["report", "coverage", "--month", "2026-06", "--home", home, "--lang", "zh", "--out", table])
        #expect(try String(contentsOfFile: table, encoding: .utf8).contains("c01 c02 c04 c05；理由：" + reason))
        try hub(["report", "coverage", "--month", "2026-06", "--home", home, "--lang", "en", "--format", "csv", "--out", csv])
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: csv)), as: UTF8.self)
            .contains("c01 c02 c04 c05; reason: " + reason))
    }

    @Test func badPeriodsAndFormatsAreRefused() throws {
        let directory = try Self.district()
        let home = directory.file("hub")
        #expect(failure { try hub(["report", "coverage", "--home", home, "--month", "2025-13"]) } != nil)
        #expect(failure { try hub(["report", "funding", "--home", home, "--month", "2025-11"]) } != nil)
        #expect(throws: (any Error).self) { try hub(["report", "coverage", "--home", home, "--month", "2025-11", "--year", "2025"]) }
        #expect(throws: (any Error).self) { try hub(["report", "coverage", "--home", home, "--format", "pdf"]) }
    }
}

/// Counts the elements of a page and collects any attribute that points elsewhere.
final class HTMLCheck: NSObject, XMLParserDelegate, @unchecked Sendable {
    var elements: [String: Int] = [:]
    var references: [String] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements[name.lowercased(), default: 0] += 1
        for (key, value) in attributes where ["href", "src", "xlink:href", "action"].contains(key.lowercased()) {
            references.append("\(name) \(key)=\(value)")
        }
    }
}
