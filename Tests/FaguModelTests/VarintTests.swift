import FaguModel
import FaguTesting
import Testing

@Suite("Varints, as the wire and the replica store them")
struct VarintTests {
    @Test("every 64-bit number, and every signed one zigzagged, reads back as written", arguments: [UInt64(1), 7, 42])
    func roundTrip(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        var numbers: [UInt64] = [0, 1, 127, 128, 16_383, 16_384, UInt64(Int64.max), UInt64.max - 1, UInt64.max]
        for _ in 0..<2_000 { numbers.append(UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63, using: &generator)) }
        var bytes: [UInt8] = []
        for number in numbers { bytes.appendVarint(number) }
        var offset = 0
        for number in numbers { #expect(try Varint.read(bytes, at: &offset) == number) }
        #expect(offset == bytes.count)

        let signed: [Int64] = [0, -1, 1, -64, 64, Int64.min, Int64.max] + numbers.map { Int64(bitPattern: $0) }
        bytes = []
        for number in signed { bytes.appendZigzag(number) }
        offset = 0
        for number in signed { #expect(Varint.unzigzag(try Varint.read(bytes, at: &offset)) == number) }
        // Small magnitudes of either sign stay small.
        #expect(Varint.zigzag(-1) == 1 && Varint.zigzag(1) == 2 && Varint.zigzag(-64) == 127)
    }

    @Test("a number cut short, or over 64 bits, is refused and the offset stays where it was")
    func refusals() throws {
        let cases: [([UInt8], VarintError.Reason)] = [
            ([], .truncated),
            ([0x80], .truncated),
            ([0xFF, 0xFF, 0xFF], .truncated),
            // The tenth byte may carry the 64th bit alone.
            (Array(repeating: 0xFF, count: 9) + [0x02], .overlong),
            (Array(repeating: 0x80, count: 10) + [0x00], .overlong),
        ]
        for (bytes, reason) in cases {
            var offset = 0
            #expect(throws: VarintError(reason: reason)) { try Varint.read(bytes, at: &offset) }
            #expect(offset == 0)
        }
        var offset = 0
        #expect(try Varint.read(Array(repeating: 0xFF, count: 9) + [0x01], at: &offset) == UInt64.max)
    }
}
