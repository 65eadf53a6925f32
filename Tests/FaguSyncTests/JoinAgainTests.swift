import FaguStore
import FaguSync
import FaguTesting
import Foundation
import Testing

@Suite("Joining again after a cut-off join")
struct JoinAgainTests {
    @Test("a join cut off before its replica file was moved in (a lone key, a staging folder) can simply be run again")
    func joinAgainAfterKill() throws {
        let district = try TestDistrict(prefix: "fagu-join-again")
        let enrollment = try district.hub.enroll(.adviser, subject: "a001", hubURL: "http://127.0.0.1:0", today: TestDistrict.today)
        let home = district.directory.file("a001")
        // What a kill at the worst moment leaves: the key moved in, the replica still staged.
        try FileManager.default.createDirectory(atPath: home + "/.joining-cut-off", withIntermediateDirectories: true)
        try Data("half a replica".utf8).write(to: URL(fileURLWithPath: home + "/.joining-cut-off/replica.sqlite"))
        _ = try SigningKeyFile.create(at: home + "/device.key")

        let device = try FieldReplica.join(home: home, enrollment: enrollment, configuration: TestDistrict.configuration)
        try device.logVisit("c01")
        _ = try device.accept(district.hub.exchange(device.request().file).reply.file)
        #expect(try device.isRegistered())
        let entries = try FileManager.default.contentsOfDirectory(atPath: home)
        #expect(entries.contains("device.key") && entries.contains("replica.sqlite"))
        #expect(!entries.contains { $0.hasPrefix(".joining-") }, "\(entries)")

        // A finished home is never overwritten.
        #expect(throws: SyncFailure.self) { try FieldReplica.join(home: home, enrollment: enrollment) }
    }
}
