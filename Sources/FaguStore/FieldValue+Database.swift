import FaguModel
import Foundation
import GRDB

extension FieldValue {
    /// The SQLite value stored for this field value.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let integer): integer.databaseValue
        case .real(let real): real.databaseValue
        case .text(let text): text.databaseValue
        }
    }

    /// The field value of a stored SQLite value (blobs are not field values).
    init?(_ databaseValue: DatabaseValue) {
        switch databaseValue.storage {
        case .null: self = .null
        case .int64(let integer): self = .integer(integer)
        case .double(let real): self = .real(real)
        case .string(let text): self = .text(text)
        case .blob: return nil
        }
    }
}

extension RecordID {
    /// How the id is stored: 16 bytes for a UUID, text for a code.
    var databaseValue: DatabaseValue {
        switch self {
        case .uuid(let uuid): withUnsafeBytes(of: uuid.uuid) { Data($0) }.databaseValue
        case .code(let code): code.databaseValue
        }
    }

    /// The id of a stored value.
    init?(_ databaseValue: DatabaseValue) {
        switch databaseValue.storage {
        case .blob(let data) where data.count == 16:
            self = data.withUnsafeBytes { RecordID(uuidBytes: $0) }
        case .string(let code):
            self = .code(code)
        default:
            return nil
        }
    }

    /// The UUID stored as the 16 bytes `bytes`.
    init(uuidBytes bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count == 16, "a stored UUID is 16 bytes")
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &uuid) { $0.copyMemory(from: bytes) }
        self = .uuid(UUID(uuid: uuid))
    }
}
