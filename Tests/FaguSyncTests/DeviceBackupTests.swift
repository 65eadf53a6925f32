import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Foundation
import Testing

@Suite("A device backed up and restored")
struct DeviceBackupTests {
    @Test("a restored device writes nothing under its old identity; after recover it syncs its work under a new one, with no fork")
    func restoreThenRecover() throws {
        let district = try TestDistrict(prefix: "fagu-device-backup")
        let laptop = try district.join(.adviser, "a001", as: "a001")
        func sync(_ device: FieldReplica) throws { _ = try device.accept(district.hub.exchange(device.request().file).reply.file) }
        let before = try laptop.logVisit("c01", note: "备份前")
        try sync(laptop)
        let backup = district.directory.file("a001.fagu-backup")
        try FieldReplica.backup(home: district.directory.file("a001"), to: backup)
        let after = try laptop.logVisit("c01", note: "备份后，已同步")
        try sync(laptop)
        _ = try laptop.logVisit("c01", note: "备份后，未同步：随笔记本丢失")

        // The laptop is lost; the backup is restored on a new one.
        let home = district.directory.file("a001-restored")
        try FieldReplica.restore(from: backup, home: home)
        #expect(throws: SyncFailure.self) { try FieldReplica.restore(from: backup, home: home) }
        let restored = try FieldReplica.open(home: home, configuration: district.configuration)
        #expect(try restored.forkedReason()?.contains("backup") == true)
        #expect(throws: (any Error).self) { try restored.request() }

        let enrollment = try district.hub.enroll(.adviser, subject: "a001", hubURL: "http://127.0.0.1:0", today: TestDistrict.today)
        let recovery = try FieldReplica.recover(home: home, enrollment: enrollment, configuration: district.configuration)
        #expect(recovery.newReplica != laptop.replica.id)
        let device = try FieldReplica.open(home: home, configuration: district.configuration)
        let later = try device.logVisit("c01", note: "恢复后")
        try sync(device)
        try sync(device)
        for id in [before, after, later] {
            #expect(try district.hub.replica.record(.visit, id: id) != nil)
            #expect(try device.replica.record(.visit, id: id) != nil)
        }
        #expect(try district.hub.replica.forkAlerts().isEmpty, "no identity wrote twice")
        for scope in try device.scopes {
            #expect(try device.replica.digest(scopes: [scope]) == district.hub.replica.digest(scopes: [scope]))
        }
    }
}
