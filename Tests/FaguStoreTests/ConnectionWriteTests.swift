import FaguDomain
import FaguModel
import FaguStore
import FaguTesting
import Foundation
import Testing

/// Two connections on one file — a hub's serve and merge are two processes — and a failed
/// transaction between writes: counters run on from what the file holds, never reused.
@Suite("Writes from two connections to one file, and after a failed transaction")
struct ConnectionWriteTests {
    let directory: TemporaryDirectory
    let replica: Replica

    init() throws {
        directory = try TemporaryDirectory()
        replica = try TestReplicas.make("a", number: 1, in: directory)
    }

    func visit(_ transaction: ReplicaTransaction, _ community: String) throws -> RecordID {
        try transaction.insert(Visit(id: transaction.newRecordID(), communityID: community, adviserID: "a017",
                                     date: "2026-11-26", hours: 2, note: "走访"))
    }

    @Test("two connections to one file (two processes, as serve and merge are) take turns writing: counters run on, the log verifies")
    func twoConnections() throws {
        let other = try Replica.open(at: replica.path, configuration: ReplicaConfiguration(durability: .none))
        var written = 0
        for round in 0..<30 {
            let writer = round % 3 == 2 ? other : replica
            try writer.write { transaction in
                for community in ["c01", "c02"] { _ = try visit(transaction, community) }
            }
            written += 2
        }
        // Each visit is 5 changes of this replica's id, in its community's scope; counters
        // never reused, so each scope's vector is exactly 5 × visits there.
        #expect(try replica.vectors()[.community("c01")] == VersionVector([replica.id: UInt64(5 * written / 2)]))
        #expect(try replica.vectors()[.community("c02")] == VersionVector([replica.id: UInt64(5 * written / 2)]))
        #expect(try replica.verify(scratchDirectory: directory.path).isEmpty)
        #expect(try replica.records(.visit).count == written)
    }

    @Test("a transaction that fails after writing leaves nothing behind; the next one counts from the file")
    func failedTransaction() throws {
        struct Stop: Error {}
        try replica.write { _ = try visit($0, "c01") }
        #expect(throws: Stop.self) {
            try replica.write { transaction in
                _ = try visit(transaction, "c01")
                throw Stop()
            }
        }
        try replica.write { _ = try visit($0, "c01") }
        #expect(try replica.vectors()[.community("c01")] == VersionVector([replica.id: 10]))
        #expect(try replica.verify(scratchDirectory: directory.path).isEmpty)
    }

    @Test("changes applied from a peer between two writes are seen by the second write")
    func appliedBetweenWrites() throws {
        let peer = try TestReplicas.make("b", number: 2, in: directory)
        try peer.write { _ = try visit($0, "c01") }
        try replica.write { _ = try visit($0, "c01") }
        _ = try replica.apply(try peer.delta(for: replica.vectors(), scopes: [.community("c01")]))
        try replica.write { _ = try visit($0, "c01") }
        #expect(try replica.vectors()[.community("c01")] == VersionVector([replica.id: 10, peer.id: 5]))
        #expect(try replica.verify(scratchDirectory: directory.path).isEmpty)
    }
}
