import FaguDomain
import FaguModel
import FaguStore
import FaguTesting
import Foundation
import Testing

/// Two connections on one file — a hub's serve and merge are two processes — and a failed
/// transaction between writes: counters run on from what the file holds, never reused. A
/// write starts from what the last one on its connection knew only while nothing has
/// written to the file since; these are the ways something can.
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

    @Test("a replica marked forked between two writes, on its own connection or another, refuses the second")
    func markedForkedBetweenWrites() throws {
        let other = try Replica.open(at: replica.path, configuration: ReplicaConfiguration(durability: .none))
        for (marking, writer) in [(replica, replica), (other, replica), (replica, other)] {
            try marking.setMetadata(["forked": nil])
            try writer.write { _ = try visit($0, "c01") }
            try marking.markForked("another copy wrote 00000000-0000-4000-8000-000000000001")
            let refusal = try #require(throws: ReplicaError.self) { try writer.write { _ = try visit($0, "c01") } }
            #expect(refusal.code == .replicaForked)
        }
        #expect(try replica.vectors()[.community("c01")] == VersionVector([replica.id: 15]))
    }

    @Test("many small transactions in a row, each on from the last: the log and the vectors are what the writes made")
    func manySmallTransactions() throws {
        var written: [String: Int] = [:]
        var random = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let community = ["c01", "c02", "c03"].randomElement(using: &random)!
            try replica.write { _ = try visit($0, community) }
            written[community, default: 0] += 1
        }
        for (community, visits) in written {
            #expect(try replica.vectors()[.community(community)] == VersionVector([replica.id: UInt64(5 * visits)]))
        }
        #expect(try replica.verify(scratchDirectory: directory.path).isEmpty)
        // A fresh replica given the whole log holds the same records.
        let copy = try TestReplicas.make("c", number: 3, in: directory)
        _ = try copy.apply(try replica.delta(for: copy.vectors(), scopes: replica.scopes()))
        #expect(try copy.digest(scopes: replica.scopes()) == replica.digest(scopes: replica.scopes()))
    }

    /// c01: the replica wrote there before the peer's changes came, so its second write is its
    /// tenth change; c09: a scope first met in them, written to under the number it was given.
    @Test("changes applied from a peer between two writes are seen by the second write, in a scope written before or first met",
          arguments: [("c01", UInt64(10)), ("c09", UInt64(5))])
    func appliedBetweenWrites(community: String, ownChanges: UInt64) throws {
        let peer = try TestReplicas.make("b", number: 2, in: directory)
        try peer.write { _ = try visit($0, community) }
        try replica.write { _ = try visit($0, "c01") }
        _ = try replica.apply(try peer.delta(for: replica.vectors(), scopes: [.community(community)]))
        try replica.write { _ = try visit($0, community) }
        #expect(try replica.vectors()[.community(community)] == VersionVector([replica.id: ownChanges, peer.id: 5]))
        #expect(try replica.verify(scratchDirectory: directory.path).isEmpty)
    }
}
