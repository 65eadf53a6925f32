import FaguDomain
import FaguModel
import FaguRoster
import Testing

@Suite("Reading the CSV shape of a roster file")
struct CSVShapeTests {
    @Test("quoted fields keep commas, doubled quotes and line breaks")
    func quotedFields() throws {
        let result = RosterReader.read(
            communities: communities(communitiesHeader,
                                     #"c01,"城南居委, 一""号""",residential,"川沙"#,
                                     #"司法所""#,
                                     "c02,连民村,village,"),
            today: today)
        #expect(result.errors == [])
        #expect(result.communities == [
            Community(id: .code("c01"), name: #"城南居委, 一"号""#, kind: .residential, judicialOffice: "川沙\n司法所"),
            Community(id: .code("c02"), name: "连民村", kind: .village),
        ])
    }

    @Test("a row after a quoted line break is reported on the physical line it starts on")
    func linesCountQuotedBreaks() {
        let result = RosterReader.read(
            communities: communities(communitiesHeader, #"c01,"两行"#, #"的名字",residential,"#, "c02,连民村,town,"),
            today: today)
        #expect(result.errorPlaces == [Located("communities.csv", 4, "kind", .invalidChoice)])
    }

    @Test("CRLF and LF line endings read the same, inside quotes too")
    func lineEndings() {
        let lines = [advisersHeader, #"a001,王伟,lawyer,"上海某某律师事务所"#, #"浦东分所",021-1,2010,master"#,
                     "a002,李娜,volunteer,,,,"]
        let lf = RosterReader.read(advisers: RosterFile(name: "advisers.csv", contents: lines.joined(separator: "\n")),
                                   today: today)
        let crlf = RosterReader.read(advisers: advisers(lines[0], lines[1], lines[2], lines[3], ending: "\r\n"),
                                     today: today)
        #expect(lf.errors == [])
        #expect(lf.advisers.map(\.organization) == ["上海某某律师事务所\n浦东分所", nil])
        #expect(crlf == lf)
    }

    @Test("a byte order mark before the header is ignored, as text or as bytes")
    func byteOrderMark() {
        let text = "\u{FEFF}id,name,kind\nc01,城南居委,residential\n"
        let fromText = RosterReader.read(communities: RosterFile(name: "communities.csv", contents: text), today: today)
        let fromBytes = RosterReader.read(communities: RosterFile(name: "communities.csv", bytes: Array(text.utf8)),
                                          today: today)
        #expect(fromText.errors == [])
        #expect(fromText.communities.map(\.id) == [.code("c01")])
        #expect(fromBytes == fromText)
    }

    @Test("columns come in any order, in any case, with extra columns ignored")
    func columnsInAnyOrder() {
        let result = RosterReader.read(
            communities: communities(" Kind ,备注,NAME,id", "village,新村,东滩村,c07"),
            today: today)
        #expect(result.errors == [])
        #expect(result.communities == [Community(id: .code("c07"), name: "东滩村", kind: .village)])
    }

    @Test("blank lines and rows of empty cells are skipped; values are trimmed")
    func blankRows() {
        let result = RosterReader.read(
            communities: communities(communitiesHeader, "", " c01 , 城南居委 ,residential, 川沙司法所 ", ",,,", ""),
            today: today)
        #expect(result.errors == [])
        #expect(result.communities == [
            Community(id: .code("c01"), name: "城南居委", kind: .residential, judicialOffice: "川沙司法所"),
        ])
    }

    @Test("a file that is not UTF-8 is an error on the line of the first bad byte")
    func notUTF8() {
        var bytes = Array("id,name,kind\nc01,城南居委,residential\nc02,".utf8)
        bytes += [0xC1, 0xAC, 0xC3, 0xF1, 0xB4, 0xE5]  // 连民村 in GBK
        bytes += Array(",village\n".utf8)
        let result = RosterReader.read(communities: RosterFile(name: "communities.csv", bytes: bytes), today: today)
        #expect(result.errorPlaces == [Located("communities.csv", 3, nil, .notUTF8)])
        #expect(result.communities == [])
    }

    @Test("a quote that is never closed, or text after a closing quote, is malformed CSV")
    func malformedQuotes() {
        let unclosed = RosterReader.read(
            communities: communities(communitiesHeader, "c01,城南居委,residential,", #"c02,"连民村,village,"#),
            today: today)
        #expect(unclosed.errorPlaces.first == Located("communities.csv", 3, nil, .malformedCSV))
        let trailing = RosterReader.read(
            communities: communities(communitiesHeader, #"c01,"城南"居委,residential,"#), today: today)
        #expect(trailing.errorPlaces == [Located("communities.csv", 2, nil, .malformedCSV)])
    }
}
