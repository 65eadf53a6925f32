import FaguCLI
import Testing

@Suite("Text shown in a terminal")
struct TerminalTextTests {
    @Test("escape sequences, bells, carriage returns, C1 controls and bidi overrides are shown escaped")
    func controlsAreEscaped() {
        #expect(TerminalText.escaped("村委会\u{1B}[2J\u{07}") == "村委会\\u{1B}[2J\\u{7}")
        #expect(TerminalText.escaped("a\rb\u{9B}c\u{202E}d") == "a\\u{D}b\\u{9B}c\\u{202E}d")
        #expect(TerminalText.escaped("走访，解答咨询 6.5h") == "走访，解答咨询 6.5h")
    }

    @Test("a table never prints a raw escape sequence from a note")
    func tablesEscape() {
        var table = TextTable(headers: ["id", "summary"])
        table.lineWidth = nil
        table.append(["v1", "\u{1B}]0;pwned\u{07}调解"])
        #expect(!table.render().contains("\u{1B}"))
        #expect(table.render().contains("\\u{1B}]0;pwned\\u{7}调解"))
    }
}
