import FaguDomain
import FaguModel
import FaguStore
import FaguTesting
import Foundation
import Testing

/// A replica's commits wait for the disk as hard as its configuration says, on the
/// connection that writes, whether the file is new or opened again.
@Suite("Durability: what a replica's connection is set to")
struct DurabilityTests {
    @Test("each durability is the connection's own setting, from creation and from opening again",
          arguments: [ReplicaConfiguration.Durability.full, .normal, .none])
    func connectionKeepsTheConfiguredDurability(_ durability: ReplicaConfiguration.Durability) throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("durability.sqlite")
        let configuration = ReplicaConfiguration(durability: durability)
        let created = try Replica.create(at: path, id: .random(), author: "a001", schema: .legalAdvice, configuration: configuration)
        #expect(try created.durability() == durability)
        try created.write { transaction in
            _ = try transaction.insert(Visit(id: transaction.newRecordID(), communityID: "c01", adviserID: "a001",
                                             date: "2026-11-29", hours: 6, note: "驻村"))
        }
        #expect(try created.durability() == durability)
        try created.close()

        let opened = try Replica.open(at: path, schema: .legalAdvice, configuration: configuration)
        #expect(try opened.durability() == durability)
        #expect(try opened.records(.visit).count == 1)
    }

    @Test("a replica opened with the defaults waits for the disk at every commit (synchronous FULL)")
    func defaultIsFull() throws {
        let directory = try TemporaryDirectory()
        let replica = try Replica.create(at: directory.file("default.sqlite"), id: .random(), author: "a001", schema: .legalAdvice)
        #expect(try replica.durability() == .full)
        #expect(ReplicaConfiguration().durability == .full)
    }
}
