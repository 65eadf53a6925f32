import FaguCLI
import FaguDomain
import FaguModel
import FaguStore
import Foundation
import Testing

@Suite("JSON values")
struct JSONValueTests {
    private func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test("a yes/no field is true or false, a number a number, text a string")
    func fieldValues() throws {
        #expect(try json(ListedValue(.integer(1), field: "hard", of: .consultation)) == "true")
        #expect(try json(ListedValue(.integer(0), field: "hard", of: .consultation)) == "false")
        #expect(try json(ListedValue(.real(6.5), field: "hours", of: .visit)) == "6.5")
        #expect(try json(ListedValue(.integer(45), field: "attendees", of: .lecture)) == "45")
        #expect(try json(ListedValue(.text("labour"), field: "topic", of: .consultation)) == "\"labour\"")
    }

    @Test("show --history gives the written and the replaced values as JSON numbers, with the time's +08:00 offset")
    func historyNumbers() throws {
        let device = ReplicaID.random()
        let first = Dot(origin: device, counter: 1)
        let second = Dot(origin: device, counter: 2)
        let changes = [
            RecordChange(dot: first, field: "hours", value: .real(6), supersedes: [], writtenAt: Timestamp(milliseconds: 0),
                         orderedAt: Timestamp(milliseconds: 0), author: "a001"),
            RecordChange(dot: second, field: "hours", value: .real(6.5), supersedes: [first], writtenAt: Timestamp(milliseconds: 1),
                         orderedAt: Timestamp(milliseconds: 1), author: "a001"),
        ]
        let listed = try json(HistoryListing.of(changes, of: .visit, conflicts: [:]))
        #expect(listed.contains("\"value\":6.5"), "\(listed)")
        #expect(listed.contains("\"replaced\":[{\"dot\":\"\(first)\",\"value\":6}]"), "\(listed)")
        #expect(listed.contains("+08:00"))
        #expect(!listed.contains("\"6.5\""))
    }
}
