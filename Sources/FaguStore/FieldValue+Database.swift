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
            let b = [UInt8](data)
            self = .uuid(UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                                     b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15])))
        case .string(let code):
            self = .code(code)
        default:
            return nil
        }
    }
}
