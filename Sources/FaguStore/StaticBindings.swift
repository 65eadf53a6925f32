import FaguModel
import Foundation
import GRDB

/// The parameters of one execution of a statement, its texts and blobs gathered in one
/// buffer and bound from it without SQLite copying them (`SQLITE_STATIC`): SQLite's own copy
/// of each bound text, and the freeing of it when the bindings are cleared, cost more than
/// the rest of binding a row. One buffer serves every execution, so its room is allocated
/// once; filled by value, not through a closure, so the row bound is not copied into one.
///
/// `Statement.executeDirect(_:)-(StaticBindings)` binds it just before the step and clears
/// the bindings before the buffer can change.
struct StaticBindings: Sendable {
    /// The bytes of every text and blob of the current execution.
    private(set) var bytes: [UInt8] = []
    /// Each parameter set, by 1-based position; those not set are null.
    private(set) var parameters: [(position: CInt, value: Parameter)] = []

    /// A parameter's value; a text or blob is `count` bytes from `start` of ``bytes``.
    enum Parameter: Sendable {
        case null
        case integer(Int64)
        case real(Double)
        case text(start: Int, count: Int)
        case blob(start: Int, count: Int)
    }

    /// Forgets the last execution's parameters, keeping their room.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        parameters.removeAll(keepingCapacity: true)
    }

    /// Sets `value` as stored (text, number or null) at `position`.
    mutating func set(_ value: FieldValue, at position: Int) {
        switch value {
        case .null: parameters.append((CInt(position), .null))
        case .integer(let integer): parameters.append((CInt(position), .integer(integer)))
        case .real(let real): parameters.append((CInt(position), .real(real)))
        case .text(let text): set(text: text, at: position)
        }
    }

    /// Sets `value` as it is at `position`.
    mutating func set(_ value: DatabaseValue, at position: Int) {
        switch value.storage {
        case .null: parameters.append((CInt(position), .null))
        case .int64(let integer): parameters.append((CInt(position), .integer(integer)))
        case .double(let real): parameters.append((CInt(position), .real(real)))
        case .string(let text): set(text: text, at: position)
        case .blob(let data): data.withUnsafeBytes { set(blob: $0, at: position) }
        }
    }

    /// Sets `record` as stored (16 bytes for a UUID, text for a code) at `position`.
    mutating func set(_ record: RecordID, at position: Int) {
        switch record {
        case .uuid(let uuid): withUnsafeBytes(of: uuid.uuid) { set(blob: $0, at: position) }
        case .code(let code): set(text: code, at: position)
        }
    }

    /// Sets the UTF-8 of `text` as text at `position`.
    mutating func set(text: String, at position: Int) {
        let start = bytes.count
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: text.utf8)
        }
        parameters.append((CInt(position), .text(start: start, count: bytes.count - start)))
    }

    /// Sets the bytes of `blob` as a blob at `position`.
    mutating func set(blob: [UInt8], at position: Int) {
        blob.withUnsafeBytes { set(blob: $0, at: position) }
    }

    /// Sets as a blob at `position` the bytes `write` appends (to the buffer, in place).
    mutating func setBlob(at position: Int, writing write: (inout [UInt8]) -> Void) {
        let start = bytes.count
        write(&bytes)
        parameters.append((CInt(position), .blob(start: start, count: bytes.count - start)))
    }

    /// Sets `blob` as a blob at `position`.
    mutating func set(blob: UnsafeRawBufferPointer, at position: Int) {
        let start = bytes.count
        bytes.append(contentsOf: blob.bindMemory(to: UInt8.self))
        parameters.append((CInt(position), .blob(start: start, count: blob.count)))
    }
}
