import ArgumentParser
import FaguCLI
import FaguFieldCommands
import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Foundation
import Testing

/// Every duty of DOMAIN.md through `fagu`, as an adviser and a community office would log it.
@Suite("The seven duties through the commands")
struct DutyCommandTests {
    let directory: TemporaryDirectory
    var hubHome: String { directory.file("hub") }
    var laptop: String { directory.file("a001") }
    var office: String { directory.file("c01") }

    /// A hub whose roster has a001 serving c01 and c02; a001's laptop and c01's office joined.
    init() throws {
        directory = try TemporaryDirectory(prefix: "fagu-duties")
        try commandHub(in: directory, appointments: "a001,c01,2026-01-01,,12000,每周二\na001,c02,2026-01-01,,12000,每周四\n")
        try hub(["enroll", "--home", directory.file("hub"), "--adviser", "a001", "--out", directory.file("a001.enroll"), "--json"])
        try hub(["enroll", "--home", directory.file("hub"), "--community", "c01", "--out", directory.file("c01.enroll"), "--json"])
        try fagu(["init", "--home", directory.file("a001"), "--enroll", directory.file("a001.enroll"), "--json"])
        try fagu(["init", "--home", directory.file("c01"), "--enroll", directory.file("c01.enroll"), "--json"])
    }

    /// Every duty logged once on `home` (`extra` names the adviser on an office device).
    func logEveryDuty(_ home: String, _ extra: [String]) throws {
        let common = ["--home", home, "--community", "c01", "--json"] + extra
        try fagu(["log", "visit", "--date", day(-1), "--hours", "6", "--note", "走访村委会"] + common)
        try fagu(["consult", "add", "--topic", "劳动争议", "--question", "拖欠工资怎么办？", "--answer", "先协商，再申请劳动仲裁"] + common)
        try fagu(["consult", "add", "--topic", "land_contract", "--question", "承包地流转合同是否有效？", "--hard",
                  "--due", day(5), "--date", day(-2)] + common)
        try fagu(["mediation", "add", "--category", "邻里纠纷", "--summary", "张某与李某因漏水争执", "--outcome", "调解成功"] + common)
        try fagu(["aid", "refer", "--summary", "王某工伤赔偿，经济困难"] + common)
        try fagu(["governance", "add", "--kind", "rules", "--summary", "审查村规民约修订稿"] + common)
        try fagu(["lecture", "add", "--date", day(-3), "--topic", "民法典进乡村", "--attendees", "45"] + common)
        try fagu(["commission", "add", "--kind", "document", "--summary", "代写房屋租赁合同"] + common)
        try fagu(["incident", "report", "--level", "mass", "--summary", "征地补偿引发聚集苗头"] + common)
    }

    /// Exports `home`'s changes, merges them at the hub and imports the reply.
    func roundTrip(_ home: String, subject: String) throws {
        let inbox = directory.file("inbox-\(subject)"), outbox = directory.file("outbox-\(subject)")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try fagu(["export", "--home", home, "--out", inbox + "/\(subject).fagu", "--json"])
        try hub(["merge", "--home", hubHome, "--inbox", inbox, "--outbox", outbox, "--json"])
        let reply = try #require(try FileManager.default.contentsOfDirectory(atPath: outbox).first { $0.hasPrefix(subject + "-") })
        try fagu(["import", outbox + "/" + reply, "--home", home, "--json"])
    }

    /// Every work record `replica` holds in c01, by id, as stored field values.
    func work(_ replica: Replica) throws -> [RecordID: [String: FieldValue]] {
        var records: [RecordID: [String: FieldValue]] = [:]
        for kind in RecordKind.allCases where kind.isLog {
            for record in try replica.records(kind, community: "c01") { records[record.id] = record.fields }
        }
        return records
    }

    @Test("each duty logged on an adviser's laptop and on an office arrives at the hub and the other device, field by field")
    func everyDutyEverywhere() throws {
        try logEveryDuty(laptop, [])
        try logEveryDuty(office, ["--adviser", "a001"])
        try roundTrip(laptop, subject: "a001")
        try roundTrip(office, subject: "c01")
        try roundTrip(laptop, subject: "a001")
        let hubWork = try work(Hub.open(home: hubHome).replica)
        #expect(hubWork.count == 18)   // nine records on each device
        #expect(try work(FieldReplica.open(home: laptop).replica) == hubWork)
        #expect(try work(FieldReplica.open(home: office).replica) == hubWork)
        // The categories are stored by code, whatever the adviser typed.
        let topics = Set(try FieldReplica.open(home: laptop).replica.typedRecords(Consultation.self).map(\.topic))
        #expect(topics == ["labour", "land_contract"])
        #expect(try FieldReplica.open(home: laptop).replica.typedRecords(Consultation.self).filter(\.hard).count == 2)
        // The hub shows any of them by a short id, with its history; an unknown one is one line.
        let incident = try #require(try Hub.open(home: hubHome).replica.typedRecords(IncidentReport.self).first)
        try hub(["show", String(incident.id.description.suffix(8)), "--home", hubHome, "--history", "--lang", "zh"])
        try hub(["show", incident.id.description, "--home", hubHome, "--json"])
        let unknown = failure { try hub(["show", "ffffffff", "--home", hubHome, "--lang", "en"]) }
        #expect(unknown?.exitCode == 2 && unknown?.message.contains("ffffffff") == true, "\(unknown?.message ?? "no failure")")
    }

    @Test("an answer and a referral's outcome are recorded later on the same record")
    func laterUpdates() throws {
        let device = try FieldReplica.open(home: laptop)
        try fagu(["consult", "add", "--home", laptop, "--community", "c01", "--topic", "inheritance", "--question", "遗嘱效力？",
                  "--hard", "--due", day(3), "--json"])
        let question = try #require(try device.replica.typedRecords(Consultation.self).first)
        try fagu(["consult", "answer", question.id.description, "--home", laptop, "--answer", "自书遗嘱须全文亲笔", "--json"])
        try fagu(["aid", "refer", "--home", laptop, "--community", "c02", "--summary", "残疾人维权", "--json"])
        let referral = try #require(try device.replica.typedRecords(LegalAidReferral.self).first)
        try fagu(["aid", "status", referral.id.description, "--home", laptop, "--status", "accepted", "--json"])
        #expect(try device.replica.fetch(Consultation.self, id: question.id)?.answer == "自书遗嘱须全文亲笔")
        #expect(try device.replica.fetch(LegalAidReferral.self, id: referral.id)?.status == .accepted)
    }

    @Test("bad input is one line, a non-zero exit, and changes nothing",
          arguments: [
            (["consult", "add", "--community", "c01", "--topic", "天气", "--question", "q"], "--topic"),
            (["consult", "add", "--community", "c01", "--topic", "labour", "--question", "q", "--hard"], "--due"),
            (["consult", "add", "--community", "c01", "--topic", "labour", "--question", "q", "--hard", "--due", "2026-01-01",
              "--date", "2026-02-01"], "--due"),
            (["consult", "add", "--community", "c01", "--topic", "labour", "--question", "   "], "--question"),
            (["mediation", "add", "--community", "c09", "--category", "neighbour", "--summary", "s"], "c09"),
            (["mediation", "add", "--community", "c01", "--category", "neighbour", "--summary", "s", "--date", "2099-01-01"], "2099-01-01"),
            (["aid", "refer", "--community", "c01", "--summary", "s", "--date", "2026-02-30"], "YYYY-MM-DD"),
            (["governance", "add", "--community", "c01", "--kind", "party", "--summary", "s"], "--kind"),
            (["lecture", "add", "--community", "c01", "--topic", "t", "--attendees=-1"], "--attendees"),
            (["commission", "add", "--community", "c01", "--kind", "advice", "--summary", "s"], "--kind"),
            (["incident", "report", "--community", "c01", "--level", "minor", "--summary", "s"], "--level"),
            (["aid", "status", "01a21ca2-671b-7b81-b6da-c890e5bd2607", "--status", "accepted"], "01a21ca2"),
          ])
    func badInput(arguments: [String], mentions: String) throws {
        let before = try FieldReplica.open(home: laptop).digest()
        let refused = failure { try fagu(arguments + ["--home", laptop, "--lang", "en"]) }
        #expect(refused?.exitCode == 2)
        #expect(refused?.message.contains(mentions) == true, "\(refused?.message ?? "no failure")")
        #expect(refused?.message.contains("\n") == false)
        #expect(try FieldReplica.open(home: laptop).digest() == before)
    }

    @Test("an office must name an adviser appointed to it")
    func officeNamesAdviser() throws {
        let unsynced = try FieldReplica.open(home: office).digest()
        let missing = failure { try fagu(["incident", "report", "--home", office, "--community", "c01", "--level", "major",
                                           "--summary", "s", "--lang", "en"]) }
        #expect(missing?.message.contains("--adviser") == true)
        #expect(try FieldReplica.open(home: office).digest() == unsynced)
        try roundTrip(office, subject: "c01")   // now it holds the roster
        let before = try FieldReplica.open(home: office).digest()
        let stranger = failure { try fagu(["incident", "report", "--home", office, "--community", "c01", "--level", "major",
                                            "--summary", "s", "--adviser", "a099", "--lang", "en"]) }
        #expect(stranger?.message.contains("a099") == true)
        #expect(try FieldReplica.open(home: office).digest() == before)
    }
}

@Suite("Negative numbers on the command line")
struct NegativeNumberTests {
    @Test("`--attendees -1` reaches the command as `--attendees=-1`, so it gets the command's one-line message")
    func joined() {
        #expect(CommandRunner.joiningNegativeNumbers(["lecture", "add", "--attendees", "-1", "--topic", "-x", "--hours", "-0.5"])
                == ["lecture", "add", "--attendees=-1", "--topic", "-x", "--hours=-0.5"])
        #expect(CommandRunner.joiningNegativeNumbers(["--json", "-h"]) == ["--json", "-h"])
    }
}

@Suite("Record ids by prefix or suffix")
struct ShortIDTests {
    @Test("a unique prefix or suffix of 6+ characters names a record; an ambiguous one lists the candidates; too short is refused")
    func shortIDs() throws {
        let duties = try DutyCommandTests()
        let home = duties.laptop
        for index in 0..<3 {
            try fagu(["case", "open", "--home", home, "--community", "c01", "--title", "案件\(index)", "--json"])
        }
        let device = try FieldReplica.open(home: home)
        let cases = try device.replica.typedRecords(LegalCase.self).map(\.id.description).sorted()
        #expect(cases.count == 3)
        // Time-ordered ids share their first characters: 8 of them name all three.
        let shared = String(cases[0].prefix(8))
        #expect(cases.allSatisfy { $0.hasPrefix(shared) })
        let before = try device.digest()
        let ambiguous = failure { try fagu(["show", shared, "--home", home, "--lang", "en"]) }
        #expect(ambiguous?.exitCode == 2)
        #expect(cases.allSatisfy { ambiguous?.message.contains($0) == true })
        let tooShort = failure { try fagu(["show", "01a2", "--home", home, "--lang", "en"]) }
        #expect(tooShort?.exitCode == 2)
        let nothing = failure { try fagu(["case", "update", "ffffffff", "--status", "closed", "--home", home, "--lang", "en"]) }
        #expect(nothing?.exitCode == 2)
        #expect(try device.digest() == before)
        // The last characters differ: a suffix of 8 names one case; a long prefix (hyphens included) too.
        try fagu(["case", "update", String(cases[1].suffix(8)), "--status", "closed", "--home", home, "--json"])
        try fagu(["show", String(cases[2].prefix(28)), "--home", home, "--json"])
        #expect(try device.replica.fetch(LegalCase.self, id: RecordID(cases[1])!)?.status == .closed)
        #expect(try device.replica.fetch(LegalCase.self, id: RecordID(cases[0])!)?.status == .open)
    }
}

@Suite("Conflicts through the commands")
struct ConflictCommandTests {
    @Test("a case status written on a laptop and an office is listed on both with who, when and where, resolved on one by number, gone on both after the next sync")
    func conflictAcrossDevices() throws {
        let duties = try DutyCommandTests()
        let laptop = duties.laptop, office = duties.office
        try fagu(["case", "open", "--home", laptop, "--community", "c01", "--title", "宅基地相邻权纠纷", "--json"])
        try duties.roundTrip(laptop, subject: "a001")
        try duties.roundTrip(office, subject: "c01")
        let caseID = try #require(try FieldReplica.open(home: office).replica.typedRecords(LegalCase.self).first?.id)
        let short = String(caseID.description.suffix(8))
        try fagu(["case", "update", short, "--home", laptop, "--status", "mediated", "--json"])
        try fagu(["case", "update", short, "--home", office, "--status", "referred", "--json"])
        try duties.roundTrip(laptop, subject: "a001")
        try duties.roundTrip(office, subject: "c01")
        try duties.roundTrip(laptop, subject: "a001")

        for home in [laptop, office] {
            let device = try FieldReplica.open(home: home)
            let listed = try ConflictListing.all(in: device.replica)
            #expect(listed.count == 1)
            let values = try #require(listed.first?.values)
            #expect(Set(values.map(\.value.text)) == ["mediated", "referred"])
            #expect(Set(values.compactMap(\.author)) == ["a001", "office:c01"])
            #expect(values.allSatisfy { $0.time.hasSuffix("+08:00") && $0.device.count == 36 })
            try fagu(["conflicts", "--home", home, "--lang", "zh"])
            try fagu(["show", short, "--history", "--home", home, "--lang", "en"])
        }
        // Resolved on the laptop by the number `fagu conflicts` gives the office's value.
        let laptopReplica = try FieldReplica.open(home: laptop).replica
        let number = try #require(try ConflictListing.all(in: laptopReplica).first?.values.first { $0.value.text == "referred" }?.number)
        try fagu(["resolve", short, "--home", laptop, "--field", "status", "--value", String(number), "--json"])
        #expect(try laptopReplica.openConflicts().isEmpty)
        try duties.roundTrip(laptop, subject: "a001")
        try duties.roundTrip(office, subject: "c01")
        for home in [laptop, office] {
            let replica = try FieldReplica.open(home: home).replica
            #expect(try replica.openConflicts().isEmpty)
            #expect(try replica.fetch(LegalCase.self, id: caseID)?.status == .referred)
            // The history keeps every write and what each replaced.
            let history = try replica.history(of: .legalCase, id: caseID).filter { $0.field == "status" }
            #expect(history.map { RecordListing.text($0.value ?? .null) } .sorted() == ["mediated", "open", "referred", "referred"])
            #expect(history.last?.supersedes.count == 2)
        }
    }
}

@Suite("list filters")
struct ListFilterTests {
    @Test("open hard questions, overdue ones, and one adviser's own work")
    func filters() throws {
        let duties = try DutyCommandTests()
        let home = duties.laptop
        let base = ["--home", home, "--community", "c01", "--topic", "inheritance", "--json"]
        try fagu(["consult", "add", "--question", "尚未到期", "--hard", "--due", day(5), "--date", day(-2)] + base)
        try fagu(["consult", "add", "--question", "已经逾期", "--hard", "--due", day(-1), "--date", day(-10)] + base)
        try fagu(["consult", "add", "--question", "已答复", "--hard", "--due", day(-1), "--date", day(-10), "--answer", "已答"] + base)
        try fagu(["consult", "add", "--question", "普通咨询"] + base)
        let replica = try FieldReplica.open(home: home).replica
        var query = try RecordQuery(kind: nil, community: nil, month: nil, language: .en)
        query.questions = .open
        #expect(Set(try query.listings(in: replica).compactMap { $0.fields["question"]?.text }) == ["尚未到期", "已经逾期"])
        query.questions = .overdue(today: day(0))
        #expect(try query.listings(in: replica).compactMap { $0.fields["question"]?.text } == ["已经逾期"])
        query.questions = .any
        query.adviser = "a002"
        #expect(try query.listings(in: replica).isEmpty)
        try fagu(["list", "--home", home, "--overdue", "--json"])
        try fagu(["list", "--home", home, "--open-questions", "--mine", "--lang", "zh"])
        let office = failure { try fagu(["list", "--home", duties.office, "--mine", "--lang", "en"]) }
        #expect(office?.exitCode == 2)
    }
}

@Suite("Shell completion")
struct CompletionTests {
    @Test("bash, zsh and fish scripts come from the argument parser and know every duty command", arguments: ["bash", "zsh", "fish"])
    func scripts(shell: String) throws {
        let kind = try #require(CompletionShell(rawValue: shell))
        let script = FieldCommand.completionScript(for: kind)
        for command in ["consult", "mediation", "aid", "governance", "lecture", "commission", "incident", "case", "list", "show"] {
            #expect(script.contains(command), "\(shell) completion lacks \(command)")
        }
    }
}
