import FaguTesting
@testable import FaguWire
import Testing

/// Texts on the wire are read as strings only when they are UTF-8 exactly: a hostile or
/// broken writer's bytes are refused, never repaired into something else.
@Suite("Texts read from a change set")
struct ExactUTF8Tests {
    @Test("valid UTF-8 reads back as the same text")
    func validTexts() {
        for text in ["", "a017", "调解记录：村民甲与村民乙因宅基地纠纷", "emoji 🧑‍⚖️ and ß", String(repeating: "法", count: 3_000)] {
            #expect(String(exactUTF8: ArraySlice(Array(text.utf8))) == text)
        }
    }

    @Test("bytes that are not UTF-8 are refused", arguments: [
        [0x80],                    // a continuation byte alone
        [0xE6, 0xB3],              // a three-byte character cut short
        [0xC0, 0xAF],              // an overlong '/'
        [0xED, 0xA0, 0x80],        // a UTF-16 surrogate
        [0xF4, 0x90, 0x80, 0x80],  // past U+10FFFF
        [0xFF],
        [0x61, 0xEF, 0xBF],        // U+FFFD cut short after a valid byte
    ] as [[UInt8]])
    func invalidBytes(bytes: [UInt8]) {
        #expect(String(exactUTF8: ArraySlice(bytes)) == nil)
    }

    @Test("U+FFFD written as such is valid text, not a repair")
    func replacementCharacterItself() {
        let text = "前\u{FFFD}后"
        #expect(String(exactUTF8: ArraySlice(Array(text.utf8))) == text)
    }

    @Test("random bytes: accepted exactly when the standard library's validation accepts them, as the same string",
          arguments: 1...4 as ClosedRange<UInt64>)
    func agreesWithTheStandardLibrary(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let alphabet: [UInt8] = Array("村规a".utf8) + [0x80, 0xBF, 0xC2, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xFF]
        var accepted = 0
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let slice = Array([0x7A] + bytes + [0x7A])[1..<(bytes.count + 1)]  // a slice not starting at 0
            let expected = String(validating: slice, as: UTF8.self)
            #expect(String(exactUTF8: slice) == expected, "bytes \(bytes)")
            if expected != nil { accepted += 1 }
        }
        // Both outcomes must occur, or the comparison says little.
        #expect(accepted > 100 && accepted < 4_900)
    }
}
