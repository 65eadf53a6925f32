import FaguModel

/// The field changes of one stored group (the `body` column of the change log), with
/// context origins as local origin numbers.
///
/// Since schema v4 every value is written with its change, so a delta reads the log alone.
/// Replicas with older rows (`replica_meta.log_values_left_to_records`) may hold "held by
/// the record" (tag 4): the value lives in the record's row or its open conflict, and the
/// write path copies it into the log row before a later change supersedes it (see
/// `TransactionContext.materialize`).
///
/// Encoding per field change: field index, value (tag 0 null, 1 zigzag integer, 2 IEEE
/// double, 3 length-prefixed UTF-8, 4 held by the record), context count, then per dot
/// origin and counter.
struct ChangeBody {
    struct Field {
        var index: Int
        /// The value, or nil while the record holds it as a current value.
        var value: FieldValue?
        var context: [(origin: Int, counter: UInt64)]
    }

    var fields: [Field]

    func encoded() -> [UInt8] {
        var writer = ByteWriter(capacity: 16 + fields.count * 16)
        for field in fields {
            ChangeBody.write(index: field.index, value: field.value, contextCount: field.context.count,
                             context: { field.context[$0] }, to: &writer)
        }
        return writer.bytes
    }

    /// Writes one field change: its index, its value (nil: held by the record) and its
    /// context of `contextCount` dots, each given by `context`.
    static func write(index: Int, value: FieldValue?, contextCount: Int, context: (Int) throws -> (origin: Int, counter: UInt64),
                      to writer: inout ByteWriter) rethrows {
        writer.writeVarint(index)
        if let value {
            write(value, to: &writer)
        } else {
            writer.writeByte(4)
        }
        writer.writeVarint(contextCount)
        for position in 0..<contextCount {
            let dot = try context(position)
            writer.writeVarint(dot.origin)
            writer.writeVarint(dot.counter)
        }
    }

    init(fields: [Field]) { self.fields = fields }

    init?(decoding bytes: [UInt8], count: Int) {
        var reader = ByteReader(bytes)
        fields = []
        fields.reserveCapacity(count)
        for _ in 0..<count {
            guard let index = reader.readInt(), let value = ChangeBody.readStoredValue(from: &reader),
                  let contextCount = reader.readInt(), contextCount <= 1 << 16 else { return nil }
            var context: [(origin: Int, counter: UInt64)] = []
            for _ in 0..<contextCount {
                guard let origin = reader.readInt(), let counter = reader.readVarint() else { return nil }
                context.append((origin, counter))
            }
            fields.append(Field(index: index, value: value, context: context))
        }
        guard reader.isAtEnd else { return nil }
    }

    static func write(_ value: FieldValue, to writer: inout ByteWriter) {
        switch value {
        case .null:
            writer.writeByte(0)
        case .integer(let integer):
            writer.writeByte(1)
            writer.writeSigned(integer)
        case .real(let real):
            writer.writeByte(2)
            writer.writeFixed64(real.bitPattern)
        case .text(let text):
            writer.writeByte(3)
            writer.writeString(text)
        }
    }

    /// A stored value: `.some(nil)` when the record holds it, nil when malformed.
    static func readStoredValue(from reader: inout ByteReader) -> FieldValue?? {
        switch reader.readByte() {
        case 4: return .some(nil)
        case 0: return .some(.null)
        case 1: return reader.readSigned().map { .some(.integer($0)) }
        case 2: return reader.readFixed64().map { .some(.real(Double(bitPattern: $0))) }
        case 3: return reader.readString().map { .some(.text($0)) }
        default: return nil
        }
    }

    static func readValue(from reader: inout ByteReader) -> FieldValue? {
        switch reader.readByte() {
        case 0: return .null
        case 1: return reader.readSigned().map { .integer($0) }
        case 2: return reader.readFixed64().map { .real(Double(bitPattern: $0)) }
        case 3: return reader.readString().map { .text($0) }
        default: return nil
        }
    }
}
