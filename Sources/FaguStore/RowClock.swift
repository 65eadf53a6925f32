import FaguModel

/// For one stored row, the dots (and times) of every field's current entries, in local
/// origin numbers. Stored in the row's `_clock` column so a merge decision needs one read.
///
/// Encoding: a format byte, then
/// - format 1 (every field written by one group, the common case for logs): origin,
///   first counter, time, field count, then the field indexes in dot order;
/// - format 0 (general): field count, then per field its index, entry count, and per entry
///   origin, counter and zigzag time.
struct RowClock: Equatable {
    struct Entry: Equatable {
        var origin: Int
        var counter: UInt64
        var time: Int64
    }

    /// Entries per field index; empty when the field has no value.
    var fields: [Entries]

    init(fieldCount: Int) { fields = Array(repeating: [], count: fieldCount) }

    init?(decoding bytes: [UInt8], fieldCount: Int) {
        self.init(fieldCount: fieldCount)
        var reader = ByteReader(bytes)
        guard let format = reader.readByte() else { return nil }
        switch format {
        case 1:
            guard let origin = reader.readInt(), let first = reader.readVarint(), let time = reader.readSigned(),
                  let count = reader.readInt(), count <= fieldCount else { return nil }
            for offset in 0..<count {
                guard let field = reader.readInt(), field < fieldCount else { return nil }
                fields[field] = Entries(Entry(origin: origin, counter: first + UInt64(offset), time: time))
            }
        case 0:
            guard let count = reader.readInt(), count <= fieldCount else { return nil }
            for _ in 0..<count {
                guard let field = reader.readInt(), field < fieldCount, let entries = reader.readInt(),
                      entries <= 1 << 16 else { return nil }
                var list: [Entry] = []
                list.reserveCapacity(entries)
                for _ in 0..<entries {
                    guard let origin = reader.readInt(), let counter = reader.readVarint(),
                          let time = reader.readSigned() else { return nil }
                    list.append(Entry(origin: origin, counter: counter, time: time))
                }
                fields[field] = Entries(list)
            }
        default:
            return nil
        }
        guard reader.isAtEnd else { return nil }
    }

    /// The clock of a new row of `fieldCount` fields written by one group: field `fields[i]`
    /// holds dot `origin:first+i` at `time`, the others nothing.
    static func creation(origin: Int, first: UInt64, time: Int64, fields: [Int], fieldCount: Int) -> RowClock {
        var clock = RowClock(fieldCount: fieldCount)
        for (offset, field) in fields.enumerated() {
            clock.fields[field] = Entries(Entry(origin: origin, counter: first + UInt64(offset), time: time))
        }
        return clock
    }

    /// Appends to `bytes` the encoding of ``creation(origin:first:time:fields:fieldCount:)``'s
    /// clock: the bytes `encoded()` gives for it, without building it.
    static func appendCreation(origin: Int, first: UInt64, time: Int64, fields: [Int], to bytes: inout [UInt8]) {
        bytes.append(1)
        bytes.appendVarint(UInt64(origin))
        bytes.appendVarint(first)
        bytes.appendZigzag(time)
        bytes.appendVarint(UInt64(fields.count))
        for field in fields { bytes.appendVarint(UInt64(field)) }
    }

    /// The compact encoding.
    func encoded() -> [UInt8] {
        var writer = ByteWriter(capacity: 32)
        if let uniform = uniformLayout() {
            writer.writeByte(1)
            writer.writeVarint(uniform.origin)
            writer.writeVarint(uniform.first)
            writer.writeSigned(uniform.time)
            writer.writeVarint(uniform.order.count)
            for field in uniform.order { writer.writeVarint(field) }
            return writer.bytes
        }
        writer.writeByte(0)
        writer.writeVarint(fields.filter { !$0.isEmpty }.count)
        for (index, entries) in fields.enumerated() where !entries.isEmpty {
            writer.writeVarint(index)
            writer.writeVarint(entries.count)
            for entry in entries {
                writer.writeVarint(entry.origin)
                writer.writeVarint(entry.counter)
                writer.writeSigned(entry.time)
            }
        }
        return writer.bytes
    }

    /// When every non-empty field has one entry, all of one origin and time, with
    /// consecutive counters: the fields in counter order.
    private func uniformLayout() -> (origin: Int, first: UInt64, time: Int64, order: [Int])? {
        var singles: [(field: Int, entry: Entry)] = []
        for (index, entries) in fields.enumerated() where !entries.isEmpty {
            guard entries.count == 1 else { return nil }
            singles.append((index, entries[0]))
        }
        guard let head = singles.first else { return nil }
        singles.sort { $0.entry.counter < $1.entry.counter }
        let first = singles[0].entry.counter
        for (offset, single) in singles.enumerated() {
            guard single.entry.origin == head.entry.origin, single.entry.time == head.entry.time,
                  single.entry.counter == first + UInt64(offset) else { return nil }
        }
        return (head.entry.origin, first, head.entry.time, singles.map(\.field))
    }
}
