import FaguHubServer
import Foundation
import Testing

@Suite("The hub's log: one line per event, as logfmt or JSON")
struct LogLineTests {
    let facts = ["time": "2026-11-27T21:00:00.000+08:00", "level": "notice", "event": "sync", "outcome": "refused",
                 "code": "bad_file", "peer": "10.0.0.7:5000", "message": "a \"quoted\" reason\nsecond line", "subject": "社区c01"]

    @Test("logfmt: time, level and event first, the rest by key; values with spaces, quotes or newlines quoted and escaped")
    func logfmt() {
        let line = StructuredLogHandler.line(facts, format: .logfmt)
        #expect(line == #"time=2026-11-27T21:00:00.000+08:00 level=notice event=sync code=bad_file message="a \"quoted\" reason\nsecond line" outcome=refused peer=10.0.0.7:5000 subject=社区c01"#)
        #expect(!line.contains("\n"))
    }

    @Test("JSON: one object per line that parses back to the same facts")
    func json() throws {
        let line = StructuredLogHandler.line(facts, format: .json)
        #expect(!line.contains("\n") && line.hasPrefix(#"{"time":"#))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(parsed == facts)
    }
}
