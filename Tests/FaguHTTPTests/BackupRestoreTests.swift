import FaguHTTP
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Foundation
import Testing

@Suite("A hub backed up while serving, and restored")
struct BackupRestoreTests {
    @Test("a backup taken while the server syncs devices restores into a hub that the next syncs bring level: nothing the devices hold is lost")
    func backupWhileServingThenRestore() async throws {
        let district = try District()
        let devices = [try district.join(.adviser, "a001", as: "a001"), try district.join(.adviser, "a002", as: "a002"),
                       try district.join(.office, "c01", as: "office-c01")]
        func community(_ device: FieldReplica) -> String {
            device.role == .office ? "c01" : (device.subject == "a002" ? "c03" : "c02")
        }
        var written: [RecordID] = []   // the oracle: every record the schedule created
        let backup = district.directory.file("hub-backup.fagu-backup")
        try await withLiveHub(district.hub) { url in
            let transport = try HTTPTransport(baseURL: url)
            for device in devices {
                written.append(try device.logVisit(community(device), note: "备份前"))
                _ = try await device.sync(over: transport)
            }
            // Devices go on writing and syncing while the backup is taken.
            let syncing = Task {
                var made: [RecordID] = []
                for round in 0..<6 {
                    for device in devices {
                        made.append(try device.logVisit(community(device), hours: Double(1 + round), note: "备份时"))
                        _ = try await device.sync(over: transport)
                    }
                }
                return made
            }
            try Hub.backup(home: district.directory.file("hub"), to: backup)
            written += try await syncing.value
            // After the backup: more work, synced to the hub that is about to be lost.
            for device in devices {
                written.append(try device.logVisit(community(device), note: "备份后"))
                _ = try await device.sync(over: transport)
            }
        }
        #expect(throws: ReplicaError.self) { try Hub.backup(home: district.directory.file("hub"), to: backup) }

        // The hub's disk is lost; it is restored elsewhere from the backup.
        let home = district.directory.file("restored")
        try Hub.restore(from: backup, home: home)
        #expect(throws: SyncFailure.self) { try Hub.restore(from: backup, home: home) }
        let restored = try Hub.open(home: home, configuration: district.configuration)
        #expect(restored.replica.id == district.hub.replica.id)
        #expect(try restored.replica.verify(scratchDirectory: district.directory.file("")).isEmpty)
        try await withLiveHub(restored) { url in
            let transport = try HTTPTransport(baseURL: url)
            // Each device sends what the restored hub lacks; a second round carries each
            // device's work to the others.
            for _ in 0..<2 {
                for device in devices { _ = try await device.sync(over: transport) }
            }
        }
        for id in written {
            #expect(try restored.replica.record(.visit, id: id) != nil, "visit \(id) lost")
        }
        for device in devices {
            #expect(try device.pendingChanges() == 0)
            for scope in try device.scopes {
                #expect(try device.replica.digest(scopes: [scope]) == restored.replica.digest(scopes: [scope]), "\(device.subject) \(scope)")
            }
        }
    }
}
