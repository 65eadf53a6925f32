import FaguModel
import Foundation
import GRDB
import GRDBSQLite

/// The row a statement has stepped to, read column by column straight from SQLite: what
/// `forEachRowDirect(_:_:)` and `firstRowDirect(_:_:)` hand their caller. Valid only inside
/// that call. Blobs and ids are read without going through `Data`.
struct DirectRow {
    let handle: SQLiteStatement

    /// Column `index` (from 0) as GRDB reads it.
    func value(at index: Int) -> DatabaseValue {
        DatabaseValue(sqliteStatement: handle, index: CInt(index))
    }

    /// The bytes of column `index`, or nil when it does not hold a blob.
    func blob(at index: Int) -> [UInt8]? {
        guard sqlite3_column_type(handle, CInt(index)) == SQLITE_BLOB else { return nil }
        // SQLite's order: the pointer first, then its size. An empty blob has no pointer.
        guard let start = sqlite3_column_blob(handle, CInt(index)) else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, CInt(index)))))
    }

    /// Column `index` as a record id (16 bytes for a UUID, text for a code), or nil when it
    /// holds neither.
    func record(at index: Int) -> RecordID? {
        guard sqlite3_column_type(handle, CInt(index)) == SQLITE_BLOB else { return RecordID(value(at: index)) }
        guard let start = sqlite3_column_blob(handle, CInt(index)), sqlite3_column_bytes(handle, CInt(index)) == 16 else {
            return nil
        }
        return RecordID(uuidBytes: UnsafeRawBufferPointer(start: start, count: 16))
    }
}
