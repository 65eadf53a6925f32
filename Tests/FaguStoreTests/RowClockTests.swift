@testable import FaguStore
import FaguTesting
import Testing

@Suite("A row's clock")
struct RowClockTests {
    @Test("a clock with fields of no, one and several entries reads back as written, entry by entry", arguments: 0..<200)
    func clocksRoundTrip(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let fieldCount = Int.random(in: 1...14, using: &random)
        // What each field holds, kept apart from the clock, as the oracle.
        var written: [[RowClock.Entry]] = []
        let uniform = Int.random(in: 0..<4, using: &random) == 0
        let origin = Int.random(in: 1...40, using: &random), time = Int64.random(in: -5_000...1 << 42, using: &random)
        var counter = UInt64.random(in: 1...1 << 40, using: &random)
        for _ in 0..<fieldCount {
            if uniform {
                // One group wrote every field: format 1.
                written.append([RowClock.Entry(origin: origin, counter: counter, time: time)])
                counter += 1
                continue
            }
            written.append((0..<[0, 1, 1, 1, 2, 3].randomElement(using: &random)!).map { _ in
                RowClock.Entry(origin: Int.random(in: 1...40, using: &random), counter: UInt64.random(in: 1...1 << 40, using: &random),
                               time: Int64.random(in: -5_000...1 << 42, using: &random))
            })
        }
        var clock = RowClock(fieldCount: fieldCount)
        for (field, entries) in written.enumerated() { clock.fields[field] = RowClock.Entries(entries) }

        let read = try #require(RowClock(decoding: clock.encoded(), fieldCount: fieldCount))
        #expect(read == clock)
        for (field, entries) in written.enumerated() {
            #expect(read.fields[field].count == entries.count)
            #expect(Array(read.fields[field]) == entries)
            #expect(read.fields[field].first == entries.first)
        }
    }

    @Test("a new row's clock, built or appended as bytes, is the clock of its fields' dots", arguments: 0..<50)
    func creationClock(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let fieldCount = Int.random(in: 1...14, using: &random)
        // The fields one group wrote, in the order it wrote them.
        let fields = Array((0..<fieldCount).shuffled(using: &random).prefix(Int.random(in: 1...fieldCount, using: &random)))
        let origin = Int.random(in: 1...40, using: &random), time = Int64.random(in: -5_000...1 << 42, using: &random)
        let first = UInt64.random(in: 1...1 << 40, using: &random)
        var expected = RowClock(fieldCount: fieldCount)
        for (offset, field) in fields.enumerated() {
            expected.fields[field] = [RowClock.Entry(origin: origin, counter: first + UInt64(offset), time: time)]
        }

        let built = RowClock.creation(origin: origin, first: first, time: time, fields: fields, fieldCount: fieldCount)
        var bytes: [UInt8] = [9]  // appended after what a buffer holds already
        RowClock.appendCreation(origin: origin, first: first, time: time, fields: fields, to: &bytes)
        #expect(built == expected)
        #expect(Array(bytes.dropFirst()) == expected.encoded())
        #expect(RowClock(decoding: Array(bytes.dropFirst()), fieldCount: fieldCount) == expected)
    }

    @Test("one entry held inline equals the same entry held in a list")
    func oneEntryIsOneEntry() {
        let entry = RowClock.Entry(origin: 3, counter: 17, time: 1_700_000_000_000)
        #expect(RowClock.Entries(entry) == RowClock.Entries([entry]))
        #expect(RowClock.Entries([]) == [] && RowClock.Entries([]).isEmpty)
        #expect(RowClock.Entries([entry, entry]) != RowClock.Entries(entry))
    }
}
