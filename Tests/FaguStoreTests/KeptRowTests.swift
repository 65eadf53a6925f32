import FaguDomain
import FaguModel
@testable import FaguStore
import FaguTesting
import Foundation
import GRDB
import Testing

@Suite("Rows kept in memory across a batch")
struct KeptRowTests {
    @Test("a row kept for a later group that never comes is still written when the batch ends, and read meanwhile")
    func keptRowIsWrittenAtTheEnd() throws {
        let directory = try TemporaryDirectory()
        let alice = try TestReplicas.make("alice", number: 1, in: directory)
        let bob = try TestReplicas.make("bob", number: 2, in: directory, author: "a018")
        let (ids, groups) = try casesOpenedThenClosed(1, by: alice)
        let id = ids[0]
        #expect(groups.count == 2)

        let table = try bob.tables.of(.legalCase)
        let status = try #require(table.index(of: "status"))
        try bob.database.write { db in
            let context = try TransactionContext(db, tables: bob.tables)
            // Both groups are told another one follows: neither writes the edit to the table.
            for group in groups { _ = try context.apply(group, keepRow: true) }
            // The table still holds the creation; reads through the context see the edit.
            let inTable = try String.fetchOne(db, sql: "SELECT status FROM \(table.quotedTable) WHERE id = ?",
                                              arguments: [id.databaseValue])
            #expect(inTable == "open")
            #expect(try context.row(table, id)?.values[status] == "closed".databaseValue)
            try context.flush()
        }
        let reopened = try Replica.open(at: bob.path)
        #expect(try reopened.record(.legalCase, id: id)?.fields["status"] == .text("closed"))
        #expect(try reopened.digest(scopes: [c01]) == alice.digest(scopes: [c01]))
        #expect(try reopened.verify(scratchDirectory: directory.path).isEmpty)
    }

    @Test("records a received batch creates reach the table when it ends, are read meanwhile, and can be written out early")
    func createdRowsAreInsertedAtTheEnd() throws {
        let directory = try TemporaryDirectory()
        let alice = try TestReplicas.make("alice", number: 1, in: directory)
        // Five cases, each edited once afterwards: ten groups, creations and edits interleaved.
        let (ids, groups) = try casesOpenedThenClosed(5, by: alice)
        #expect(groups.count == 10)
        let table = try alice.tables.of(.legalCase)
        let status = try #require(table.index(of: "status"))
        func held(_ db: Database) throws -> Int {
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.quotedTable)") ?? -1
        }

        for limit in [100, 2] {
            let target = try TestReplicas.make("bob-\(limit)", number: 10 + limit, in: directory, author: "a018")
            try target.database.write { db in
                let context = try TransactionContext(db, tables: target.tables)
                context.defersCreations = true
                context.unstoredRowLimit = limit
                for (position, group) in groups.enumerated() {
                    _ = try context.apply(group, keepRow: false)
                    // Every record made so far reads back through the context, with its edit once that came.
                    for (index, id) in ids.prefix(position / 2 + 1).enumerated() {
                        let expected = index < (position + 1) / 2 ? "closed" : "open"
                        #expect(try context.row(table, id)?.values[status] == expected.databaseValue)
                    }
                }
                // Without a limit reached nothing is in the table yet; with a limit of two,
                // the first four creations were written out on the way.
                #expect(try held(db) == (limit == 100 ? 0 : 4))
                try context.flush()
                #expect(try held(db) == 5)
            }
            #expect(try target.digest(scopes: [c01]) == alice.digest(scopes: [c01]))
            #expect(try target.verify(scratchDirectory: directory.path).isEmpty)
        }
    }

    @Test("a batch of thousands of creations is inserted from rows bound on another thread, with records held already among them")
    func largeBatchIsBoundOnAnotherThread() throws {
        let directory = try TemporaryDirectory()
        let alice = try TestReplicas.make("alice", number: 1, in: directory)
        let bob = try TestReplicas.make("bob", number: 2, in: directory, author: "a018")
        // Enough creations for the threaded path, some closed afterwards (rows the batch keeps),
        // and three cases both replicas create under the same ids (held already when bob applies).
        let count = PreparedInserts.threadedFrom + 100
        let shared: [RecordID] = (1...3).map { .code("case-\($0)") }
        var closed: [RecordID] = []
        try alice.write { transaction in
            for id in shared { try transaction.insert(.legalCase, id: id, fields: caseFields()) }
            for index in 0..<count {
                let id = alice.newRecordID()
                try transaction.insert(.legalCase, id: id, fields: caseFields())
                if index % 100 == 0 { closed.append(id) }
            }
        }
        try alice.write { transaction in
            for id in closed { try transaction.update(.legalCase, id: id, fields: ["status": .text("closed")]) }
        }
        try bob.write { transaction in
            for id in shared { try transaction.insert(.legalCase, id: id, fields: caseFields(status: "closed")) }
        }

        let toBob = try alice.delta(for: bob.vectors(scopes: [c01]), scopes: [c01])
        let report = try bob.apply(toBob)
        #expect(report.appliedGroups == toBob.count)
        // The concurrent creations of the shared cases meet: every field both wrote is in conflict.
        #expect(report.conflictsOpened == shared.count * caseFields().count)
        for id in shared { #expect(try bob.record(.legalCase, id: id)?.conflicts.keys.contains("status") == true) }
        try alice.apply(try bob.delta(for: alice.vectors(scopes: [c01]), scopes: [c01]))

        #expect(try bob.records(.legalCase).count == count + shared.count)
        #expect(try bob.record(.legalCase, id: closed[1])?.fields["status"] == .text("closed"))
        #expect(try bob.digest(scopes: [c01]) == alice.digest(scopes: [c01]))
        #expect(try bob.verify(scratchDirectory: directory.path).isEmpty)
    }

    @Test("the storage order of records is SQLite's own order of their ids: codes first, then UUIDs, each by bytes")
    func storageOrderIsSQLitesOrder() throws {
        var generator = SeededGenerator(seed: 42)
        var keys: [TransactionContext.RowKey] = []
        for index in 0..<300 {
            let record: RecordID = index % 3 == 0
                ? .code(["a", "B", "c-1", "c.2", "Z9", "a@b", "a_", "0"][Int(generator.next() % 8)] + "\(generator.next() % 1000)")
                : .uuid(UUID(uuid: withUnsafeBytes(of: (generator.next(), generator.next())) { bytes in
                    bytes.load(as: uuid_t.self)
                }))
            keys.append(TransactionContext.RowKey(code: Int(generator.next() % 3), record: record))
        }
        let queue = try DatabaseQueue()
        let inSQLite = try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (code INTEGER NOT NULL, id NOT NULL, PRIMARY KEY (code, id)) WITHOUT ROWID")
            for key in Set(keys) {
                try db.execute(sql: "INSERT INTO t (code, id) VALUES (?, ?)", arguments: [key.code, key.record.databaseValue])
            }
            return try Row.fetchAll(db, sql: "SELECT code, id FROM t ORDER BY code, id").map { row in
                TransactionContext.RowKey(code: row[0], record: try #require(RecordID(row[1] as DatabaseValue)))
            }
        }
        var seen: Set<TransactionContext.RowKey> = []
        let sorted = TransactionContext.RowKey.inStorageOrder(keys).filter { seen.insert($0).inserted }
        #expect(sorted == inSQLite)
        #expect(keys.sorted { ($0.code, $0.record) < ($1.code, $1.record) }.filter { seen.remove($0) != nil } == inSQLite)
    }

    /// `count` cases `replica` opens and then closes, one after another, and its delta of them.
    private func casesOpenedThenClosed(_ count: Int, by replica: Replica) throws -> (ids: [RecordID], groups: [ChangeGroup]) {
        var ids: [RecordID] = []
        for _ in 0..<count {
            let id = replica.newRecordID()
            ids.append(id)
            try replica.write { try $0.insert(.legalCase, id: id, fields: caseFields()) }
            try replica.write { try $0.update(.legalCase, id: id, fields: ["status": .text("closed")]) }
        }
        return (ids, try replica.delta(for: ScopeVectors(), scopes: [c01]))
    }
}
