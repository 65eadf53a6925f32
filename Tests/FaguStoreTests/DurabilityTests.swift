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

    @Test("checkpoint() empties the WAL into the file: a copy of the file alone holds the records")
    func checkpointEmptiesTheWAL() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("checkpoint.sqlite")
        let replica = try Replica.create(at: path, id: .random(), author: "a001", schema: .legalAdvice)
        try replica.write { transaction in
            for day in 1...3 {
                _ = try transaction.insert(Visit(id: transaction.newRecordID(), communityID: "c01", adviserID: "a001",
                                                 date: "2026-11-0\(day)", hours: 6, note: "驻村第\(day)天"))
            }
        }
        func walBytes() throws -> Int { try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? -1 }
        #expect(try walBytes() > 0)
        try replica.checkpoint()
        #expect(try walBytes() == 0)
        // The file alone, without its WAL, now holds the three visits.
        let copy = directory.file("copy.sqlite")
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        #expect(try Replica.open(at: copy, schema: .legalAdvice).records(.visit).count == 3)
        // And the replica goes on writing after it.
        try replica.write { transaction in
            _ = try transaction.insert(Visit(id: transaction.newRecordID(), communityID: "c01", adviserID: "a001",
                                             date: "2026-11-04", hours: 6, note: "驻村"))
        }
        #expect(try replica.records(.visit).count == 4)
    }

    @Test("a replica opened with the defaults waits for the disk at every commit (synchronous FULL)")
    func defaultIsFull() throws {
        let directory = try TemporaryDirectory()
        let replica = try Replica.create(at: directory.file("default.sqlite"), id: .random(), author: "a001", schema: .legalAdvice)
        #expect(try replica.durability() == .full)
        #expect(ReplicaConfiguration().durability == .full)
    }
}
