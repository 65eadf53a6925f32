import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Foundation
import Testing

@Suite("Secrets and personal data at rest")
struct SecretsAtRestTests {
    /// The permission bits of `path`, as `stat` reports them.
    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) & 0o777
    }

    @Test("homes are 0700; keys, replicas, enrollment files, exports and replies are 0600")
    func modes() async throws {
        let district = try District()
        let hubHome = district.directory.file("hub")
        let (device, enrollment) = try district.enroll(.adviser, "a001", as: "a001")
        let home = district.directory.file("a001")
        let enrollmentFile = district.directory.file("a001.enroll")
        try enrollment.write(to: enrollmentFile)
        try device.logVisit("c01")
        let export = district.directory.file("a001-out.fagu")
        _ = try device.export(to: export)
        let inbox = district.directory.file("inbox"), outbox = district.directory.file("outbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: export, toPath: inbox + "/a001-out.fagu")
        _ = try NightlyMerge(hub: district.hub, inbox: inbox, outbox: outbox).run(day: "20261127")

        for folder in [hubHome, home, outbox, inbox + "/applied"] {
            #expect(try mode(folder) == 0o700, "\(folder)")
        }
        var files = [Hub.keyPath(home: hubHome), Hub.replicaPath(home: hubHome), FieldReplica.keyPath(home: home),
                     FieldReplica.replicaPath(home: home), enrollmentFile, export, outbox + "/a001-20261127.fagu"]
        files += [FieldReplica.replicaPath(home: home) + "-wal", Hub.replicaPath(home: hubHome) + "-wal"]
            .filter { FileManager.default.fileExists(atPath: $0) }
        for file in files {
            #expect(try mode(file) == 0o600, "\(file)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox).allSatisfy { !$0.hasSuffix(".partial") })
    }
}
