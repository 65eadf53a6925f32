import FaguModel
import Foundation
import GRDB
import GRDBSQLite

/// SQLite copies bound text and blobs at once (`SQLITE_TRANSIENT`).
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
/// SQLite reads bound text and blobs where they are, until the bindings are cleared (`SQLITE_STATIC`).
private let staticBytes = unsafeBitCast(0, to: sqlite3_destructor_type.self)

extension Statement {
    /// Binds `values` to parameters 1…n straight into SQLite, runs the statement to
    /// completion and resets it: the hot paths' way to write, without building
    /// `StatementArguments` (which costs more than SQLite's own work for a small row).
    ///
    /// - Throws: `DatabaseError` with SQLite's result code, the statement reset.
    func executeDirect(_ values: [DatabaseValue]) throws {
        try forEachRowDirect(values) { _ in }
    }

    /// Runs the statement to completion with what `bind` binds through the binder it is
    /// given (every parameter not bound is null) and resets it.
    func executeDirect(_ bind: (DirectBinder) throws -> Void) throws {
        _ = try firstRowDirect(bind) { _ in }
    }

    /// Runs the statement to completion with `bindings` bound (every parameter they do not
    /// set is null), their texts and blobs read in place, and resets it; the bindings are
    /// cleared before this returns, so none outlives the buffer.
    func executeDirect(_ bindings: borrowing StaticBindings) throws {
        try executeDirect(bindings, parameters: bindings.parameters.indices)
    }

    /// ``executeDirect(_:)-(StaticBindings)`` with only `parameters` of `bindings` (the
    /// part of them that is one row of several).
    func executeDirect(_ bindings: borrowing StaticBindings, parameters: Range<Int>) throws {
        try withBound([]) { handle in
            defer { sqlite3_clear_bindings(handle) }
            try bindings.bytes.withUnsafeBufferPointer { buffer in
                for (position, value) in bindings.parameters[parameters] {
                    let code: CInt
                    switch value {
                    case .null:
                        code = sqlite3_bind_null(handle, position)
                    case .integer(let integer):
                        code = sqlite3_bind_int64(handle, position, integer)
                    case .real(let real):
                        code = sqlite3_bind_double(handle, position, real)
                    // An empty text or blob has no address in the buffer, and a null address would bind NULL.
                    case .text(_, 0):
                        code = sqlite3_bind_text(handle, position, "", 0, staticBytes)
                    case .text(let start, let count):
                        code = sqlite3_bind_text(handle, position, UnsafeRawPointer(buffer.baseAddress! + start)
                            .assumingMemoryBound(to: CChar.self), CInt(count), staticBytes)
                    case .blob(_, 0):
                        code = sqlite3_bind_zeroblob(handle, position, 0)
                    case .blob(let start, let count):
                        code = sqlite3_bind_blob(handle, position, buffer.baseAddress! + start, CInt(count), staticBytes)
                    }
                    guard code == SQLITE_OK else { throw failure(code) }
                }
                let code = sqlite3_step(handle)
                guard code == SQLITE_DONE || code == SQLITE_ROW else { throw failure(code) }
            }
        }
    }

    /// Binds `values` and calls `row` with each result row, read in place.
    func forEachRowDirect(_ values: [DatabaseValue], _ row: (DirectRow) throws -> Void) throws {
        try withBound(values) { handle in
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { return }
                guard code == SQLITE_ROW else { throw failure(code) }
                try row(DirectRow(handle: handle))
            }
        }
    }

    /// Binds what `bind` binds, like ``executeDirect(_:)-(DirectBinder)``, and returns what
    /// `read` makes of the first row, or nil when there is none.
    func firstRowDirect<T>(_ bind: (DirectBinder) throws -> Void, _ read: (DirectRow) throws -> T) throws -> T? {
        var first: T?
        try withBound([]) { handle in
            try bind(DirectBinder(statement: self))
            let code = sqlite3_step(handle)
            if code == SQLITE_ROW {
                first = try read(DirectRow(handle: handle))
            } else if code != SQLITE_DONE {
                throw failure(code)
            }
        }
        return first
    }

    /// Runs `body` with `values` bound, every other parameter null, then resets the statement.
    /// Bindings are cleared first, not after: GRDB resets a statement it ran without clearing
    /// what it bound.
    private func withBound(_ values: [DatabaseValue], _ body: (SQLiteStatement) throws -> Void) throws {
        let handle = sqliteStatement
        defer { sqlite3_reset(handle) }
        sqlite3_clear_bindings(handle)
        try bindDirect(values)
        try body(handle)
    }

    private func bindDirect(_ values: [DatabaseValue]) throws {
        for (offset, value) in values.enumerated() {
            try bindDirect(value, at: CInt(offset + 1))
        }
    }

    fileprivate func bindDirect(_ value: DatabaseValue, at index: CInt) throws {
        let handle = sqliteStatement
        let code: CInt
        switch value.storage {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .int64(let integer):
            code = sqlite3_bind_int64(handle, index, integer)
        case .double(let double):
            code = sqlite3_bind_double(handle, index, double)
        case .string(let string):
            code = bindText(string, at: index)
        case .blob(let data):
            code = data.isEmpty ? sqlite3_bind_zeroblob(handle, index, 0) : data.withUnsafeBytes { bytes in
                sqlite3_bind_blob(handle, index, bytes.baseAddress, CInt(bytes.count), transient)
            }
        }
        guard code == SQLITE_OK else { throw failure(code) }
    }

    /// Binds `value` as stored, the same as its `DatabaseValue`, without building one for a
    /// text (which retains the string).
    fileprivate func bindDirect(_ value: FieldValue, at index: CInt) throws {
        guard case .text(let text) = value else { return try bindDirect(value.databaseValue, at: index) }
        let code = bindText(text, at: index)
        guard code == SQLITE_OK else { throw failure(code) }
    }

    /// Binds `text`'s UTF-8, read in place (a mutable copy of the string, to read it, would
    /// retain it), and returns SQLite's result code. An empty text binds as text, not null.
    private func bindText(_ text: String, at index: CInt) -> CInt {
        let handle = sqliteStatement
        func bind(_ bytes: UnsafeBufferPointer<UInt8>) -> CInt {
            // An empty text has no address, and a null address would bind NULL.
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return sqlite3_bind_text(handle, index, "", 0, transient) }
            return sqlite3_bind_text(handle, index, UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self),
                                     CInt(bytes.count), transient)
        }
        return text.utf8.withContiguousStorageIfAvailable(bind) ?? Array(text.utf8).withUnsafeBufferPointer(bind)
    }

    fileprivate func bindDirect(bytes: UnsafeRawBufferPointer, at index: CInt) throws {
        let code = bytes.isEmpty ? sqlite3_bind_zeroblob(sqliteStatement, index, 0)
            : sqlite3_bind_blob(sqliteStatement, index, bytes.baseAddress, CInt(bytes.count), transient)
        guard code == SQLITE_OK else { throw failure(code) }
    }

    private func failure(_ code: CInt) -> DatabaseError {
        let connection = sqlite3_db_handle(sqliteStatement)
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: extended), message: message, sql: sql)
    }
}

/// Binds values to a statement's parameters, by 1-based position, straight into SQLite: what
/// `executeDirect(_:)` hands its caller.
struct DirectBinder {
    fileprivate let statement: Statement

    /// Binds `value` at `position`.
    func bind(_ value: DatabaseValue, at position: Int) throws {
        try statement.bindDirect(value, at: CInt(position))
    }

    /// Binds `value` as stored (text, number or null) at `position`.
    func bind(_ value: FieldValue, at position: Int) throws {
        try statement.bindDirect(value, at: CInt(position))
    }

    /// Binds the bytes of `blob` at `position`.
    func bind(blob: [UInt8], at position: Int) throws {
        try blob.withUnsafeBytes { try statement.bindDirect(bytes: $0, at: CInt(position)) }
    }

    /// Binds `record` as stored (16 bytes for a UUID, text for a code) at `position`.
    func bind(_ record: RecordID, at position: Int) throws {
        switch record {
        case .uuid(let uuid): try withUnsafeBytes(of: uuid.uuid) { try statement.bindDirect(bytes: $0, at: CInt(position)) }
        case .code: try statement.bindDirect(record.databaseValue, at: CInt(position))
        }
    }
}
