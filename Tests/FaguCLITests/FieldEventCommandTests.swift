import FaguCLI
import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Foundation
import Testing

/// The field events that used to wedge a device, tried as a user would: with `fagu` and
/// `fagu-hub` commands, files carried between them as on a USB stick.
@Suite("Field events through the commands")
struct FieldEventCommandTests {
    let directory: TemporaryDirectory
    var hubHome: String { directory.file("hub") }
    var inbox: String { directory.file("inbox") }
    var outbox: String { directory.file("outbox") }

    /// A hub whose roster has a001 serving c01, and c02 until two days ago; a001's laptop
    /// enrolled (still within the grace period for c02) but never synced.
    init() throws {
        directory = try TemporaryDirectory(prefix: "fagu-events")
        try FileManager.default.createDirectory(atPath: directory.file("inbox"), withIntermediateDirectories: true)
        try commandHub(in: directory, appointments: """
            a001,c01,2026-01-01,,12000,每周二
            a001,c02,2026-01-01,\(day(-2)),12000,每周四

            """)
        try hub(["enroll", "--home", directory.file("hub"), "--adviser", "a001", "--out", directory.file("a001.enroll"), "--json"])
        try fagu(["init", "--home", directory.file("a001"), "--enroll", directory.file("a001.enroll"), "--json"])
    }

    /// Carries `home`'s file to the hub, runs the nightly merge, and imports the reply.
    func roundTrip(_ home: String, subject: String, name: String) throws {
        try fagu(["export", "--home", home, "--out", inbox + "/" + name, "--json"])
        try hub(["merge", "--home", hubHome, "--inbox", inbox, "--outbox", outbox, "--json"])
        let id = try FieldReplica.open(home: home).replica.id.description.prefix(8)
        let replies = try FileManager.default.contentsOfDirectory(atPath: outbox).filter { $0.hasPrefix(subject + "-") }
        // Several devices of one adviser: each reply's name ends with its device id.
        let reply = try #require(replies.first { $0.hasSuffix("-\(id).fagu") } ?? (replies.count == 1 ? replies.first : nil))
        try fagu(["import", outbox + "/" + reply, "--home", home, "--json"])
        try FileManager.default.removeItem(atPath: outbox)
    }

    @Test("1. work dated after an appointment ended is set aside at the hub, shown on both sides; c01's work arrives")
    func endedAppointment() throws {
        let home = directory.file("a001")
        // Before its first sync the laptop holds no roster, so it cannot know c02 has ended.
        try fagu(["log", "visit", "--home", home, "--community", "c02", "--date", day(0), "--hours", "3", "--json"])
        try fagu(["log", "visit", "--home", home, "--community", "c01", "--date", day(0), "--hours", "6", "--json"])
        try roundTrip(home, subject: "a001", name: "a001-1.fagu")
        let device = try FieldReplica.open(home: home)
        #expect(try device.replica.setAsideEntries().map(\.code) == ["after_appointment"])
        #expect(try device.pendingChanges() == 0)
        let hubReplica = try Hub.open(home: hubHome).replica
        #expect(try hubReplica.setAsideEntries().map(\.code) == ["after_appointment"])
        #expect(try hubReplica.records(.visit, community: "c01").count == 1)
        try fagu(["set-aside", "--home", home, "--lang", "zh"])
        try hub(["set-aside", "--home", hubHome, "--device", "a001", "--json"])
        try fagu(["status", "--home", home, "--lang", "en"])

        // Now the laptop holds the roster: it refuses the same mistake itself, and takes last week's work.
        let refused = failure {
            try fagu(["log", "visit", "--home", home, "--community", "c02", "--date", day(0), "--hours", "3", "--lang", "en"])
        }
        #expect(refused?.exitCode == 2)
        #expect(refused?.message.contains("ended on \(day(-2))") == true)
        try fagu(["log", "visit", "--home", home, "--community", "c02", "--date", day(-3), "--hours", "3", "--json"])
        try roundTrip(home, subject: "a001", name: "a001-2.fagu")
        #expect(try Hub.open(home: hubHome).replica.records(.visit, community: "c02").count == 1)
        #expect(try FieldReplica.open(home: home).replica.setAsideEntries().count == 1, "nothing new set aside")
    }

    @Test("2. a 40,000-character note goes out by USB file and reaches the community office")
    func longNote() throws {
        let home = directory.file("a001")
        let note = String(repeating: "好", count: 40_000)
        try fagu(["log", "visit", "--home", home, "--community", "c01", "--date", day(0), "--hours", "6", "--note", note])
        try roundTrip(home, subject: "a001", name: "a001-1.fagu")
        try hub(["enroll", "--home", hubHome, "--community", "c01", "--out", directory.file("c01.enroll"), "--json"])
        try fagu(["init", "--home", directory.file("c01"), "--enroll", directory.file("c01.enroll"), "--json"])
        try roundTrip(directory.file("c01"), subject: "c01", name: "c01-1.fagu")
        let office = try FieldReplica.open(home: directory.file("c01"))
        #expect(try office.replica.records(.visit, community: "c01").first?.fields["note"] == .text(note))
    }

    @Test("3. a copied laptop: the copy is refused replica_forked and alerted, stops writing, and fagu recover keeps its work")
    func copiedLaptop() throws {
        let home = directory.file("a001"), copy = directory.file("a001-copy")
        try roundTrip(home, subject: "a001", name: "a001-0.fagu")     // registered, roster held
        try FileManager.default.copyItem(atPath: home, toPath: copy)
        try fagu(["log", "visit", "--home", home, "--community", "c01", "--date", day(0), "--hours", "6", "--note", "原电脑"])
        try fagu(["log", "visit", "--home", copy, "--community", "c01", "--date", day(0), "--hours", "2", "--note", "复制的电脑"])
        try fagu(["export", "--home", home, "--out", inbox + "/a-laptop.fagu"])
        try fagu(["export", "--home", copy, "--out", inbox + "/b-copy.fagu"])
        let merge = failure { try hub(["merge", "--home", hubHome, "--inbox", inbox, "--outbox", outbox, "--lang", "en"]) }
        #expect(merge?.message.contains("rejected") == true, "the merge says a file was rejected, and still writes replies")
        let reason = try String(contentsOfFile: inbox + "/rejected/b-copy.fagu.reason.txt", encoding: .utf8)
        #expect(reason.hasPrefix("replica_forked"))
        #expect(try Hub.open(home: hubHome).replica.forkAlerts().map(\.subject) == ["a001"])
        try hub(["forks", "--home", hubHome])
        // The copy imports the reply meant for the identity it shares: it sees the hub's chain is not its own.
        let reply = try #require(try FileManager.default.contentsOfDirectory(atPath: outbox).first { $0.hasPrefix("a001-") })
        #expect(failure { try fagu(["import", outbox + "/" + reply, "--home", copy]) }?.message.contains("replica_forked") == true)
        let refused = failure {
            try fagu(["log", "visit", "--home", copy, "--community", "c01", "--date", day(0), "--hours", "1", "--lang", "en"])
        }
        #expect(refused?.exitCode == 2 && refused?.message.contains("fagu recover") == true)
        try fagu(["import", outbox + "/" + reply, "--home", home])
        try FileManager.default.removeItem(atPath: outbox)

        try hub(["enroll", "--home", hubHome, "--adviser", "a001", "--out", directory.file("a001-new.enroll"), "--json"])
        try fagu(["recover", "--home", copy, "--enroll", directory.file("a001-new.enroll")])
        try roundTrip(copy, subject: "a001", name: "c-recovered.fagu")
        let notes = try Hub.open(home: hubHome).replica.records(.visit, community: "c01").compactMap { $0.fields["note"]?.text }
        #expect(Set(notes) == ["原电脑", "复制的电脑"])
    }
}
