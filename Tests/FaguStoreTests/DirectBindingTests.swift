import FaguModel
@testable import FaguStore
import Foundation
import GRDB
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
}
