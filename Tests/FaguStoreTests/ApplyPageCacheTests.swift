import FaguDomain
import FaguModel
@testable import FaguStore
import FaguTesting
import Foundation
import GRDB
import GRDBSQLite
import Testing

@Suite("The page cache of a large apply")
struct ApplyPageCacheTests {
    @Test("an apply is given 2 KiB of page cache per group, between the configured size and 128 MiB")
    func cacheIsSizedByGroups() throws {
        let directory = try TemporaryDirectory()
        let replica = try TestReplicas.make("sized", number: 1, in: directory)
        let configured = replica.configuration.cacheKiB
        #expect(configured == 32_768)
        #expect(replica.applyCacheKiB(groups: 10) == configured)
        #expect(replica.applyCacheKiB(groups: 16_384) == configured)
        #expect(replica.applyCacheKiB(groups: 20_000) == 40_000)
        #expect(replica.applyCacheKiB(groups: 71_300) == 131_072)
        #expect(replica.applyCacheKiB(groups: 5_000_000) == 131_072)
    }

    @Test("a large apply runs with the larger cache and leaves the configured one, whether it commits or fails")
    func cacheIsSetBack() throws {
        let directory = try TemporaryDirectory()
        let writer = try TestReplicas.make("writer", number: 1, in: directory)
        try writer.write { transaction in
            for index in 0..<9_000 {
                try transaction.insert(.visit, id: transaction.newRecordID(), fields: [
                    "community_id": .text("c01"), "adviser_id": .text("a017"),
                    "date": .text("2026-11-26"), "hours": .real(2), "note": .text("走访第\(index)次"),
                ])
            }
        }
        let groups = try writer.delta(for: ScopeVectors(), scopes: [c01])
        #expect(groups.count == 9_000)

        // A cache smaller than the default, so that a batch of a size quick to test outgrows it.
        let target = try Replica.create(at: directory.file("target.sqlite"), id: TestReplicas.id(2), author: "a017",
                                        configuration: ReplicaConfiguration(durability: .none, cacheKiB: 4_096))
        #expect(try Self.cacheKiB(of: target) == 4_096)
        // What the cache is while the apply runs, read on the applying thread through
        // SQLite itself (the screen runs there, inside the transaction).
        let connection = target.database.writeWithoutTransaction { $0.sqliteConnection }
        var seen: Set<Int> = []
        let failing = PartedGroups(groups, sizes: [1_000], failingAtEnd: ReadFailure())
        #expect(throws: ReadFailure.self) {
            try target.apply(failing) { _ in
                seen.insert(Self.cacheKiB(on: connection))
                return nil
            }
        }
        #expect(seen == [18_000])
        #expect(try Self.cacheKiB(of: target) == 4_096)

        seen = []
        let report = try target.apply(groups) { _ in
            seen.insert(Self.cacheKiB(on: connection))
            return nil
        }
        #expect(report.appliedGroups == 9_000)
        #expect(seen == [18_000])
        #expect(try Self.cacheKiB(of: target) == 4_096)

        // A small apply leaves the cache as configured throughout.
        seen = []
        _ = try target.apply(Array(groups.prefix(10))) { _ in
            seen.insert(Self.cacheKiB(on: connection))
            return nil
        }
        #expect(seen == [4_096])
    }

    /// What a source throws when its input turns out damaged.
    struct ReadFailure: Error {}

    /// The page cache of `replica`'s connection, in KiB.
    static func cacheKiB(of replica: Replica) throws -> Int {
        -(try replica.database.read { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") } ?? 0)
    }

    /// The page cache of `connection`, in KiB, asked of SQLite directly.
    static func cacheKiB(on connection: OpaquePointer?) -> Int {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, "PRAGMA cache_size", -1, &statement, nil) == SQLITE_OK else { return 0 }
        defer { sqlite3_finalize(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW else { return 0 }
        return -Int(sqlite3_column_int64(statement, 0))
    }
}
