@testable import FaguWire
import Testing

/// The cursor every 3.0 column is read with: exact on what a writer writes, and a refusal —
/// never a trap — on anything else.
@Suite("Column cursors")
struct ColumnReaderTests {
    @Test("varints and zigzags read back what was written, at their extremes")
    func roundTrips() throws {
        let unsigned: [UInt64] = [0, 1, 127, 128, 16_383, 16_384, UInt64(UInt32.max), UInt64.max - 1, UInt64.max]
        let signed: [Int64] = [0, -1, 1, -64, 64, Int64.min, Int64.max]
        var column: [UInt8] = []
        for value in unsigned { column.appendVarint(value) }
        for value in signed { column.appendZigzag(value) }
        column.appendLittleEndian((-0.0 as Double).bitPattern)
        var reader = ColumnReader("test", column)
        for value in unsigned { #expect(try reader.readVarint() == value) }
        for value in signed { #expect(try reader.readZigzag() == value) }
        #expect(Double(bitPattern: try reader.readLittleEndian64()).sign == .minus)
        try reader.expectEnd()
    }

    @Test("a number over 64 bits, a number cut short, or a read past the end is refused as malformed",
          arguments: [[0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02],
                      [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
                      [0x80], []] as [[UInt8]])
    func refusals(bytes: [UInt8]) {
        var reader = ColumnReader("test", bytes)
        let error = #expect(throws: WireError.self) { try reader.readVarint() }
        #expect(error?.code == .malformed)
    }

    @Test("counts are checked against what the column holds")
    func bounds() throws {
        var reader = ColumnReader("test", [5, 1, 2, 3])
        #expect(throws: WireError.self) { try reader.readIndex(below: 5, of: "replica") }
        #expect(throws: WireError.self) { try reader.read(4) }
        #expect(Array(try reader.read(3)) == [1, 2, 3])
        #expect(throws: WireError.self) { try reader.readByte() }
        #expect(throws: WireError.self) { try reader.read(-1) }
        var unread = ColumnReader("test", [1])
        #expect(throws: WireError.self) { try unread.expectEnd() }
        _ = try unread.readByte()
        try unread.expectEnd()
    }
}
