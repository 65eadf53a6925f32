import ArgumentParser
import FaguCLI
import FaguHubCommands
import FaguSync
import FaguTesting
import Foundation
import Testing

@Suite("The hub's configuration file: config check, and commands that read it")
struct ConfigCommandTests {
    let directory: TemporaryDirectory
    var hubHome: String { directory.file("hub") }

    init() throws {
        directory = try TemporaryDirectory(prefix: "fagu-config")
        try commandHub(in: directory, appointments: "a001,c01,2026-01-01,,12000,每周二\n")
    }

    /// Writes `json` as the hub's own `hub.json`.
    func writeConfig(_ json: String) throws {
        try json.write(toFile: hubHome + "/" + HubSettings.homeFileName, atomically: true, encoding: .utf8)
    }

    @Test("a typo, a wrong type, a number out of range and a missing file: check lists all four, and no command runs on the file")
    func everyProblemListed() throws {
        try writeConfig("""
            {"serve": {"prot": 8443, "port": "8443", "page_limit": 0, "tls_cert": "/nonexistent/cert.pem",
                       "tls_key": "/nonexistent/key.pem"},
             "merge": {"inbox": "\(directory.path)"}}
            """)
        let (_, problems) = HubSettings.check(hubHome + "/hub.json")
        let text = problems.map(\.en)
        #expect(text.contains("unknown setting serve.prot"))
        #expect(text.contains("serve.port must be a whole number"))
        #expect(text.contains("serve.page_limit must be within 1–100000"))
        #expect(text.contains("serve.tls_cert: /nonexistent/cert.pem does not exist or cannot be read"))
        #expect(text.contains("serve.tls_key: /nonexistent/key.pem does not exist or cannot be read"))
        #expect(problems.count == 5, "\(text)")
        #expect(throws: ExitCode(1)) { try hub(["config", "check", "--home", hubHome, "--json"]) }

        // A command that reads the file stops before touching anything, naming the first problem.
        let before = try Hub.open(home: hubHome).replica.syncAttempts().count
        let merge = failure { try hub(["merge", "--home", hubHome, "--lang", "en"]) }
        #expect(merge?.exitCode == 2 && merge?.message.contains("hub.json is not valid: unknown setting serve.prot") == true)
        #expect(try Hub.open(home: hubHome).replica.syncAttempts().count == before)
    }

    @Test("a sound file passes, and what it leaves out shows as the default")
    func soundFile() throws {
        try writeConfig(#"{"serve": {"port": 8443, "log_format": "json"}, "retention": {"refused_sync_days": 30}}"#)
        let (settings, problems) = HubSettings.check(hubHome + "/hub.json")
        #expect(problems.isEmpty)
        #expect(settings.port == 8443 && settings.logFormat == "json" && settings.refusedSyncDays == 30 && settings.host == nil)
        try hub(["config", "check", "--home", hubHome, "--json"])
    }

    @Test("merge takes its inbox and outbox from the file when no flag names them; a flag wins over the file")
    func mergeFolders() throws {
        let inbox = directory.file("inbox"), outbox = directory.file("outbox"), other = directory.file("other-inbox")
        for folder in [inbox, outbox, other] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try writeConfig(#"{"merge": {"inbox": "\#(inbox)", "outbox": "\#(outbox)"}}"#)
        try hub(["enroll", "--home", hubHome, "--adviser", "a001", "--out", directory.file("a001.enroll"), "--json"])
        try fagu(["init", "--home", directory.file("a001"), "--enroll", directory.file("a001.enroll"), "--json"])
        try fagu(["log", "visit", "--home", directory.file("a001"), "--community", "c01", "--date", day(0), "--hours", "6", "--json"])
        try fagu(["export", "--home", directory.file("a001"), "--out", inbox + "/a001.fagu", "--json"])
        try hub(["merge", "--home", hubHome, "--json"])
        #expect(try Hub.open(home: hubHome).replica.records(.visit).count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox).contains { $0.hasPrefix("a001-") })
        // --inbox names another folder: the file's inbox is not read.
        try fagu(["log", "visit", "--home", directory.file("a001"), "--community", "c01", "--date", day(0), "--hours", "2", "--json"])
        try fagu(["export", "--home", directory.file("a001"), "--out", inbox + "/a001-second.fagu", "--json"])
        try hub(["merge", "--home", hubHome, "--inbox", other, "--json"])
        #expect(try Hub.open(home: hubHome).replica.records(.visit).count == 1)
    }

    @Test("--config naming no file is refused with exit 2")
    func missingFile() {
        let refused = failure { try hub(["merge", "--home", hubHome, "--config", directory.file("nope.json"), "--lang", "en"]) }
        #expect(refused?.exitCode == 2 && refused?.message.contains("there is no configuration file") == true)
    }
}
