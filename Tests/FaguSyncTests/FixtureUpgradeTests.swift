import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Foundation
import Testing

/// `Tests/Fixtures/`, found from this file's path: one folder per released schema version.
private let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

@Suite("Homes of every released schema open, migrate and sync")
struct FixtureUpgradeTests {
    static let versions = ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? [])
        .filter { $0.hasPrefix("schema-v") }.sorted()

    @Test("there is a fixture of today's schema, so the next version is tested against it")
    func fixtureOfTodaysSchema() {
        #expect(FixtureUpgradeTests.versions.contains("schema-v\(ReplicaSchema.version)"))
    }

    @Test("a committed hub and device of a released schema open with today's code, verify, and sync a new visit",
          arguments: FixtureUpgradeTests.versions)
    func opensMigratesAndSyncs(version: String) throws {
        let directory = try TemporaryDirectory(prefix: "fagu-fixture")
        for home in ["hub", "device"] {
            try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent(version).appendingPathComponent(home).path,
                                             toPath: directory.file(home))
        }
        // git keeps no file modes: the keys are made private again, as on a real machine.
        for key in ["hub/hub.key", "device/device.key"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: directory.file(key))
        }
        let caseText = try String(contentsOf: fixtures.appendingPathComponent(version).appendingPathComponent("case-id.txt"),
                                  encoding: .utf8)
        let caseID = try #require(RecordID(caseText.trimmingCharacters(in: .whitespacesAndNewlines)))

        let hub = try Hub.open(home: directory.file("hub"), configuration: TestDistrict.configuration)
        let device = try FieldReplica.open(home: directory.file("device"), configuration: TestDistrict.configuration)
        #expect(try hub.replica.schemaVersion() == ReplicaSchema.version)
        #expect(try device.replica.schemaVersion() == ReplicaSchema.version)
        // What the fixture holds: every duty, and the case in conflict on both.
        #expect(try hub.replica.openConflicts().map(\.record) == [caseID])
        #expect(try device.replica.openConflicts().map(\.record) == [caseID])
        for kind in [RecordKind.visit, .consultation, .mediation, .legalAid, .governance, .lecture, .commission, .incident] {
            #expect(try !hub.replica.records(kind).isEmpty, "\(kind.rawValue) at the hub")
        }
        #expect(try hub.replica.verify(scratchDirectory: directory.file("")).isEmpty)
        #expect(try device.replica.verify(scratchDirectory: directory.file("")).isEmpty)
        // A device last heard from before the hub kept format versions is answered in 2.0,
        // which every release reads, until its next request says otherwise.
        let unrecorded = try hub.replica.devices().filter { $0.formatMajor == nil && $0.encryptionKey != nil }
        if version == "schema-v4" { #expect(!unrecorded.isEmpty) }
        for enrolled in unrecorded {
            #expect(try hub.reply(to: enrolled, holding: enrolled.lastVectors).file[4] == 2)
        }

        // Work goes on: a new visit synced, the conflict resolved, both equal.
        let visit = try device.logVisit("c01", note: "升级后")
        try device.replica.write { try $0.update(.legalCase, id: caseID, fields: ["status": .text("closed")]) }
        _ = try device.accept(hub.exchange(device.request().file).reply.file)
        #expect(try hub.replica.record(.visit, id: visit) != nil)
        #expect(try hub.replica.openConflicts().isEmpty)
        for scope in try device.scopes {
            #expect(try device.replica.digest(scopes: [scope]) == hub.replica.digest(scopes: [scope]), "\(scope)")
        }
    }
}
