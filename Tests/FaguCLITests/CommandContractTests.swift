import ArgumentParser
import FaguCLI
import FaguFieldCommands
import FaguHubCommands
import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Foundation
import Testing

@Suite("The command contract: bad input is one line, a non-zero exit, and nothing changed")
struct CommandContractTests {
    let directory: TemporaryDirectory
    var hubHome: String { directory.file("hub") }
    var deviceHome: String { directory.file("a001") }

    /// A hub with the sample roster, and a001's laptop joined to it.
    init() throws {
        directory = try TemporaryDirectory(prefix: "fagu-cli")
        try hub(["init", "--home", directory.file("hub"), "--district", "浦东新区", "--json"])
        try hub(["roster", "import", "--home", directory.file("hub"), "--json",
                 "--communities", roster + "/communities.csv", "--advisers", roster + "/advisers.csv",
                 "--appointments", roster + "/appointments.csv"])
        try hub(["enroll", "--home", directory.file("hub"), "--adviser", "a001", "--out", directory.file("a001.enroll"), "--json"])
        try fagu(["init", "--home", directory.file("a001"), "--enroll", directory.file("a001.enroll"), "--json"])
    }

    func visits() throws -> Int { try FieldReplica.open(home: deviceHome).replica.records(.visit).count }

    @Test("a roster file with bad rows imports nothing, names file and line, and exits 1")
    func badRosterImportsNothing() throws {
        let bad = directory.file("communities.csv")
        try "id,name,kind,judicial_office\nc90,新村,village,川沙司法所\nc91,,residential,川沙司法所\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let before = try Hub.open(home: hubHome).replica.records(.community).count
        let refused = failure { try hub(["roster", "import", "--home", hubHome, "--communities", bad, "--lang", "en"]) }
        #expect(refused?.exitCode == 1)
        #expect(refused?.message.contains("nothing was imported") == true)
        #expect(try Hub.open(home: hubHome).replica.records(.community).count == before)
    }

    @Test("fagu log visit refuses a community it does not serve, a bad date and impossible hours, writing nothing",
          arguments: [
            ["--community", "c03", "--date", "2026-11-26", "--hours", "6"],
            ["--community", "c01", "--date", "2026-02-30", "--hours", "6"],
            ["--community", "c01", "--date", "2026-11-26", "--hours", "30"],
            ["--community", "c01", "--date", "2026-11-26", "--hours", "6", "--adviser", "a002"],
          ])
    func badVisitWritesNothing(arguments: [String]) throws {
        let refused = failure { try fagu(["log", "visit", "--home", deviceHome] + arguments) }
        #expect(refused?.exitCode == 2)
        #expect(refused?.message.contains("\n") == false)
        #expect(try visits() == 0)
    }

    @Test("a good visit is written and its id printed; an unknown case status changes nothing")
    func goodVisitAndBadStatus() throws {
        try fagu(["log", "visit", "--home", deviceHome, "--community", "c01", "--date", "2026-11-26", "--hours", "6",
                  "--note", "驻村服务", "--json"])
        #expect(try visits() == 1)
        try fagu(["case", "open", "--home", deviceHome, "--community", "c01", "--title", "宅基地纠纷"])
        let device = try FieldReplica.open(home: deviceHome)
        let caseID = try #require(try device.replica.records(.legalCase).first?.id)
        let refused = failure { try fagu(["case", "update", caseID.description, "--home", deviceHome, "--status", "done"]) }
        #expect(refused?.exitCode == 2)
        #expect(try device.replica.record(.legalCase, id: caseID)?.fields["status"] == .text("open"))
    }

    @Test("export refuses to overwrite a file; import refuses a file that is not from this device's hub")
    func exportAndImportRefusals() throws {
        let existing = directory.file("reply.fagu")
        try "a reply not yet imported".write(toFile: existing, atomically: true, encoding: .utf8)
        #expect(failure { try fagu(["export", "--home", deviceHome, "--out", existing]) } != nil)
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "a reply not yet imported")
        let refused = failure { try fagu(["import", existing, "--home", deviceHome]) }
        #expect(refused?.message.contains("bad_file") == true)
    }

    @Test("export --format 2 writes a file a hub of an older release reads; an unknown format writes nothing")
    func exportInAnOlderFormat() throws {
        try fagu(["log", "visit", "--home", deviceHome, "--community", "c01", "--date", "2026-11-26", "--hours", "6"])
        let older = directory.file("for-an-older-hub.fagu")
        try fagu(["export", "--home", deviceHome, "--out", older, "--format", "2", "--json"])
        let file = try #require(FileManager.default.contents(atPath: older))
        #expect(Array(file[4...5]) == [2, 0])
        let unknown = directory.file("format-7.fagu")
        let refused = failure { try fagu(["export", "--home", deviceHome, "--out", unknown, "--format", "7", "--lang", "en"]) }
        #expect(refused?.exitCode == 2)
        #expect(refused?.message.contains("unknown file format version 7") == true)
        #expect(!FileManager.default.fileExists(atPath: unknown))
    }

    @Test("sync refuses plain http to a hub that is not on this machine, before connecting")
    func plainHTTPIsRefused() async throws {
        let command = try FieldCommand.parseAsRoot(["sync", "--home", deviceHome, "--hub", "http://hub.example:8080", "--lang", "en"])
        guard var sync = command as? any AsyncParsableCommand else { Issue.record("sync is not async"); return }
        let refused = await #expect(throws: CommandFailure.self) { try await sync.run() }
        #expect(refused?.exitCode == 2 && refused?.message.contains("clear text") == true)
        #expect(try FieldReplica.open(home: deviceHome).replica.syncAttempts().isEmpty, "nothing was tried")
    }

    @Test("enroll refuses an adviser not on the roster and leaves no device behind")
    func enrollUnknownAdviser() throws {
        let before = try Hub.open(home: hubHome).replica.devices().count
        let refused = failure { try hub(["enroll", "--home", hubHome, "--adviser", "a999", "--out", directory.file("x.enroll")]) }
        #expect(refused?.message.contains("a999") == true)
        #expect(!FileManager.default.fileExists(atPath: directory.file("x.enroll")))
        #expect(try Hub.open(home: hubHome).replica.devices().count == before)
    }
}
