import FaguModel
@testable import FaguStore
import Foundation
import GRDB
import GRDBSQLite
import Testing

/// The hot paths bind values straight into SQLite; what they store must be what GRDB's own
/// binding stores, type and bytes.
@Suite("Values bound directly")
struct DirectBindingTests {
    static let values: [FieldValue] = [
        .null, .integer(0), .integer(-7), .integer(.max), .real(1.5), .real(-0.0), .text(""), .text("a017"),
        .text("调解记录：村民甲与村民乙因宅基地纠纷"), .text(String(repeating: "法", count: 5_000)),
    ]

    @Test("each field value is stored as GRDB stores it: same type, same bytes")
    func sameAsGRDB() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE direct (id INTEGER PRIMARY KEY, v); CREATE TABLE grdb (id INTEGER PRIMARY KEY, v)")
            let direct = try db.makeStatement(sql: "INSERT INTO direct (id, v) VALUES (?, ?)")
            for (id, value) in Self.values.enumerated() {
                try direct.executeDirect { binder in
                    try binder.bind(Int64(id).databaseValue, at: 1)
                    try binder.bind(value, at: 2)
                }
                // GRDB's own binding, the oracle.
                try db.execute(sql: "INSERT INTO grdb (id, v) VALUES (?, ?)", arguments: [id, value.databaseValue])
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT typeof(direct.v), typeof(grdb.v), quote(direct.v) = quote(grdb.v), direct.v
                FROM direct JOIN grdb USING (id) ORDER BY id
                """)
            #expect(rows.count == Self.values.count)
            for (row, value) in zip(rows, Self.values) {
                #expect(row[0] as String == row[1] as String, "\(value)")
                #expect(row[2] as Bool, "\(value)")
                #expect(FieldValue(row[3] as DatabaseValue) == value, "\(value)")
            }
            // An empty text is text, not null.
            #expect(rows[6][0] as String == "text")
        }
    }

    @Test("a row bound from one buffer without copies is stored as GRDB stores it, and leaves no binding behind")
    func staticBindingsSameAsGRDB() throws {
        let queue = try DatabaseQueue()
        let uuid = UUID(uuidString: "0190F3A2-7B1C-7D4E-8F00-1234567890AB")!
        let records: [RecordID] = [.uuid(uuid), .code("roster-a017"), .code("")]
        let blobs: [[UInt8]] = [[], [0], [1, 2, 3, 255]]
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE direct (id INTEGER PRIMARY KEY, r, v, w, b, unset);
                CREATE TABLE grdb (id INTEGER PRIMARY KEY, r, v, w, b, unset)
                """)
            let direct = try db.makeStatement(sql: "INSERT INTO direct (id, r, v, w, b, unset) VALUES (?, ?, ?, ?, ?, ?)")
            var bindings = StaticBindings()
            var id = 0
            for record in records {
                for value in Self.values {
                    for blob in blobs {
                        id += 1
                        // The same buffer for every row, as the insert path uses it; parameters
                        // set out of order, one (`unset`) never set.
                        bindings.removeAll()
                        bindings.set(blob: blob, at: 5)
                        bindings.set(value, at: 3)
                        bindings.set(record, at: 2)
                        bindings.set(Int64(id).databaseValue, at: 1)
                        bindings.set(value.databaseValue, at: 4)
                        try direct.executeDirect(bindings)
                        // GRDB's own binding, the oracle.
                        try db.execute(sql: "INSERT INTO grdb (id, r, v, w, b, unset) VALUES (?, ?, ?, ?, ?, NULL)",
                                       arguments: [id, record.databaseValue, value.databaseValue, value.databaseValue,
                                                   Data(blob)])
                    }
                }
            }
            let mismatches = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM direct JOIN grdb USING (id)
                WHERE NOT (quote(direct.r) = quote(grdb.r) AND typeof(direct.r) = typeof(grdb.r)
                           AND quote(direct.v) = quote(grdb.v) AND typeof(direct.v) = typeof(grdb.v)
                           AND quote(direct.w) = quote(grdb.w) AND typeof(direct.w) = typeof(grdb.w)
                           AND quote(direct.b) = quote(grdb.b) AND typeof(direct.b) = typeof(grdb.b)
                           AND direct.unset IS NULL)
                """)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM direct") == id)
            #expect(mismatches == 0)
            // An empty text is text and an empty blob a blob, not null.
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM direct WHERE typeof(r) = 'text' AND r = ''") == Self.values.count * blobs.count)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM direct WHERE typeof(b) = 'blob' AND length(b) = 0") == records.count * Self.values.count)
            // No binding outlives the execution (its buffer may change): stepped again with
            // nothing bound, the statement inserts a row of nulls under a new id.
            #expect(sqlite3_step(direct.sqliteStatement) == SQLITE_DONE)
            sqlite3_reset(direct.sqliteStatement)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM direct WHERE id > ? AND r IS NULL AND v IS NULL AND w IS NULL AND b IS NULL",
                                     arguments: [id]) == 1)
        }
    }
}
