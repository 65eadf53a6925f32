import FaguCLI
import FaguDoctor
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

    @Test("a file that is not there, or a bad --lang, is a clear usage error")
    func badInput() throws {
        let missing = #expect(throws: CommandFailure.self) { try BundleCommand.parse(["/nonexistent.fagu"]).run() }
        #expect(missing?.exitCode == 2)
        #expect(throws: (any Error).self) { try BundleCommand.parse(["x.fagu", "--lang", "fr"]) }
    }
}
