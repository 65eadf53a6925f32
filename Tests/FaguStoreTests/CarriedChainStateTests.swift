import FaguDomain
import FaguModel
@testable import FaguStore
import FaguTesting
import GRDB
import Synchronization
import Testing

/// Vectors and chain heads carried from one write transaction to the next
/// (``CarriedChainState``): used only while nothing else has written the file.
@Suite("Chain state carried between write transactions")
struct CarriedChainStateTests {
    let directory: TemporaryDirectory
    let replica: Replica

    init() throws {
        directory = try TemporaryDirectory()
        replica = try TestReplicas.make("alice", number: 1, in: directory)
    }

    private func lecture(_ scope: ScopeID) -> [String: FieldValue] {
        ["community_id": .text(scope.name), "adviser_id": .text("a017"), "date": .text("2026-11-26"),
         "topic": .text("民法典进社区"), "attendees": .integer(40)]
    }

    /// Counts the statements `body` runs that read the version vectors or the change log.
    private func chainReads(_ body: (TransactionContext) throws -> Void) throws -> Int {
        let reads = ReadCount()
        try replica.database.write { db in
            db.trace(options: .statement) { event in
                let sql = "\(event)"
                if sql.hasPrefix("SELECT"), sql.contains("version_vector") || sql.contains("change_run") { reads.add() }
            }
            defer { db.trace(options: [], nil) }
            let context = try TransactionContext(db, tables: replica.tables, carrier: replica.carried)
            try body(context)
            try context.flush()
        }
        return reads.value
    }

    @Test("a transaction after one that touched the same scopes reads no vector and no chain head again")
    func nextTransactionReadsNothingAgain() throws {
        let scopes = (1...20).map { ScopeID.community(String(format: "c%02d", $0)) }
        for _ in 0..<2 {
            try replica.write { transaction in
                for scope in scopes { try transaction.insert(.lecture, id: transaction.newRecordID(), fields: lecture(scope)) }
            }
        }
        let reads = try chainReads { context in
            let transaction = ReplicaTransaction(context: context, replica: replica, time: nil)
            for scope in scopes { try transaction.insert(.lecture, id: transaction.newRecordID(), fields: lecture(scope)) }
        }
        #expect(reads == 0)
        #expect(try replica.verify(scratchDirectory: directory.path).isEmpty)
    }

    @Test("a write by another connection in between is seen: the next group continues it, not the carried head")
    func anotherConnectionIsSeen() throws {
        try replica.write { try $0.insert(.lecture, id: $0.newRecordID(), fields: lecture(c01)) }
        // The same file through a second connection, as a second process would.
        let other = try Replica.open(at: replica.path, schema: .legalAdvice)
        let between = try other.write { try $0.insert(.lecture, id: $0.newRecordID(), fields: lecture(c01)) }
        let next = try replica.write { try $0.insert(.lecture, id: $0.newRecordID(), fields: lecture(c01)) }
        // A lecture writes five fields: five counters a group.
        #expect(between.firstCounter == 6)
        #expect(next.firstCounter == 11)
        let log = try replica.delta(for: ScopeVectors(), scopes: [c01])
        #expect(log.map(\.firstCounter) == [1, 6, 11])
        #expect(log[2].previousHash == log[1].chainHash)
        #expect(try replica.verify(scratchDirectory: directory.path).isEmpty)
    }

    @Test("a transaction that rolls back hands nothing on: the next one takes the counters it gave up")
    func rollbackCarriesNothing() throws {
        try replica.write { try $0.insert(.lecture, id: $0.newRecordID(), fields: lecture(c01)) }
        struct Abandoned: Error {}
        #expect(throws: Abandoned.self) {
            try replica.write { transaction in
                try transaction.insert(.lecture, id: transaction.newRecordID(), fields: lecture(c01))
                try transaction.insert(.lecture, id: transaction.newRecordID(), fields: lecture(c02))
                throw Abandoned()
            }
        }
        // Rolled back after its context flushed (as when a later statement or the commit fails).
        #expect(throws: Abandoned.self) {
            try replica.database.write { db in
                let context = try TransactionContext(db, tables: replica.tables, carrier: replica.carried)
                let transaction = ReplicaTransaction(context: context, replica: replica, time: nil)
                try transaction.insert(.lecture, id: transaction.newRecordID(), fields: lecture(c01))
                try context.flush()
                throw Abandoned()
            }
        }
        let next = try replica.write { try $0.insert(.lecture, id: $0.newRecordID(), fields: lecture(c01)) }
        #expect(next.firstCounter == 6)   // five counters a lecture
        #expect(try replica.vectors(scopes: [c02])[c02].sortedEntries.isEmpty)
        #expect(try replica.verify(scratchDirectory: directory.path).isEmpty)
    }

    @Test("applying received groups after local writes, and writing after them, keeps every chain whole")
    func applyAndWriteInTurn() throws {
        let bob = try TestReplicas.make("bob", number: 2, in: directory, author: "a018")
        for round in 0..<3 {
            try replica.write { try $0.insert(.lecture, id: $0.newRecordID(), fields: lecture(round % 2 == 0 ? c01 : c02)) }
            try bob.write { try $0.insert(.lecture, id: $0.newRecordID(), fields: lecture(c01)) }
            try send(bob, to: replica, scopes: [c01, c02])
            try send(replica, to: bob, scopes: [c01, c02])
        }
        #expect(try replica.digest(scopes: [c01, c02]) == bob.digest(scopes: [c01, c02]))
        #expect(try replica.verify(scratchDirectory: directory.path).isEmpty)
        #expect(try bob.verify(scratchDirectory: directory.path).isEmpty)
    }
}

/// A count the trace callback can add to from wherever SQLite calls it.
private final class ReadCount: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
