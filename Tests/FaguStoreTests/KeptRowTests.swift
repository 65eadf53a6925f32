import FaguDomain
import FaguModel
@testable import FaguStore
import FaguTesting
import GRDB
import Testing

@Suite("Rows kept in memory across a batch")
struct KeptRowTests {
    @Test("a row kept for a later group that never comes is still written when the batch ends, and read meanwhile")
    func keptRowIsWrittenAtTheEnd() throws {
        let directory = try TemporaryDirectory()
        let alice = try TestReplicas.make("alice", number: 1, in: directory)
        let bob = try TestReplicas.make("bob", number: 2, in: directory, author: "a018")
        let id = alice.newRecordID()
        try alice.write { try $0.insert(.legalCase, id: id, fields: caseFields()) }
        try alice.write { try $0.update(.legalCase, id: id, fields: ["status": .text("closed")]) }
        let groups = try alice.delta(for: ScopeVectors(), scopes: [c01])
        #expect(groups.count == 2)

        let table = try bob.tables.of(.legalCase)
        let status = try #require(table.indexByName["status"])
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
}
