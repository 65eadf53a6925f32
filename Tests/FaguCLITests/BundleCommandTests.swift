import FaguCLI
import FaguDoctor
import FaguSync
import FaguTesting
import FaguWire
import Foundation
import Testing

/// `protocol/vectors/`, found from this file's path.
private let vectors = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("protocol/vectors")

@Suite("fagu-doctor bundle")
struct BundleCommandTests {
    @Test("a valid file is shown with its header, sizes and every change, in Chinese or English")
    func showsValidFile() throws {
        let path = vectors.appendingPathComponent("valid-small.fagu").path
        let english = try BundleCommand.parse([path, "--lang", "en"])
        try english.run()
        let inspection = ChangeSetInspection(file: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(inspection.isValid && inspection.checksumValid == true && inspection.versionSupported == true)
        #expect(inspection.changeSet?.groups.flatMap(\.changes).count == 12)
        #expect(try BundleCommand.parse([path, "--json"]).output.json)
    }

    @Test("a damaged file is refused with its reason and a non-zero exit, after showing what could be read")
    func refusesDamagedFile() throws {
        let path = vectors.appendingPathComponent("invalid-bad-checksum.fagu").path
        let command = try BundleCommand.parse([path])
        let failure = #expect(throws: CommandFailure.self) { try command.run() }
        #expect(failure?.exitCode == 1)
        #expect(failure?.message.contains("bad_checksum") == true)
        let inspection = ChangeSetInspection(file: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(inspection.checksumValid == false)
        #expect(inspection.header?.district == "浦东新区")
    }

    @Test("a sealed reply shows its header without a key (exit 0), opens with its device's home, and is refused with another's")
    func sealedReply() throws {
        let district = try TestDistrict()
        let device = try district.join(.adviser, "a001", as: "a001")
        let other = try district.join(.adviser, "a002", as: "a002")
        _ = try district.hub.exchange(try other.request().file)
        try device.logVisit("c01")
        let reply = try district.hub.exchange(try device.request().file).reply.file
        let path = district.directory.file("reply.fagu")
        try Data(reply).write(to: URL(fileURLWithPath: path))

        try BundleCommand.parse([path, "--lang", "en"]).run()
        let closed = ChangeSetInspection(file: reply)
        #expect(closed.sealed && closed.header?.sender == district.hub.replica.id && closed.changeSet == nil)
        #expect(closed.error?.code == .keyRequired)

        try BundleCommand.parse([path, "--key", district.directory.file("a001")]).run()
        try BundleCommand.parse([path, "--key", district.directory.file("a001") + "/device.key", "--json"]).run()
        let key = try BundleCommand.sealingKey(at: district.directory.file("a001"))
        #expect(ChangeSetInspection(file: reply, key: key).changeSet?.header.sender == district.hub.replica.id)

        let wrong = #expect(throws: CommandFailure.self) { try BundleCommand.parse([path, "--key", district.directory.file("a002")]).run() }
        #expect(wrong?.exitCode == 1)
        #expect(wrong?.message.contains("cannot_decrypt") == true)
        let missing = #expect(throws: CommandFailure.self) { try BundleCommand.parse([path, "--key", "/nonexistent"]).run() }
        #expect(missing?.exitCode == 2)
    }

    @Test("a file that is not there, or a bad --lang, is a clear usage error")
    func badInput() throws {
        let missing = #expect(throws: CommandFailure.self) { try BundleCommand.parse(["/nonexistent.fagu"]).run() }
        #expect(missing?.exitCode == 2)
        #expect(throws: (any Error).self) { try BundleCommand.parse(["x.fagu", "--lang", "fr"]) }
    }
}
