import FaguCLI
import Testing

@Suite("Display width")
struct DisplayWidthTests {
    @Test("Chinese characters take two columns, ASCII one, combining marks none")
    func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("法律顾问") == 8)
        #expect(DisplayWidth.of("a法b") == 4)
        #expect(DisplayWidth.of("，。") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }

    @Test("table columns line up by display width with Chinese cells")
    func tableLinesUp() {
        var table = TextTable(headers: ["字段", "值", "n"])
        table.lineWidth = nil
        table.append(["status", "已调解", "1"])
        table.append(["title", "宅基地相邻权纠纷", "12"])
        table.rightAligned = [2]
        let lines = table.render().split(separator: "\n").map(String.init)
        let secondColumnStarts = lines.map { line -> Int in
            var width = 0
            var spaces = 0
            for character in line {
                if character == " " { spaces += 1 } else {
                    if spaces >= 2 { return width }
                    spaces = 0
                }
                width += DisplayWidth.of(String(character))
            }
            return -1
        }
        #expect(Set(secondColumnStarts).count == 1, "\(lines)")
        #expect(DisplayWidth.truncate("宅基地相邻权纠纷", to: 7) == "宅基地…")
    }

    @Test("a table wider than the terminal cuts its widest column with … so every line fits; a pipe cuts nothing")
    func tableFitsTheTerminal() {
        var table = TextTable(headers: ["编号", "摘要"])
        table.append(["60d598bf", "【群体性】征地补偿不公，村民拟上访，请司法所协调"])
        table.append(["640d39ea", "走访"])
        table.lineWidth = 30
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 30 }, "\(lines)")
        #expect(lines[2].hasSuffix("…"))
        table.lineWidth = nil
        #expect(table.render().contains("请司法所协调"))
    }
}
