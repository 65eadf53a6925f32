import FaguMerge
import FaguModel
import FaguStore
import Foundation
import Testing

/// README's "Embedding the core" example, run: the lines between the markers are the
/// README's code block, word for word (checked below).
func embeddingExample(folder: String) throws -> (mine: Replica, theirs: Replica, oak: RecordID) {
    // BEGIN README EXAMPLE
    // 1. Declare the kinds of record, as data.
    let tree = RecordKind("tree", code: 0, fields: [
        FieldSpec("plot", .reference, required: true, immutable: true),
        FieldSpec("species", .text, required: true),
        FieldSpec("height_m", .real),
    ], scope: .field("plot"))
    let schema = try Schema([tree])

    // 2. One replica per device: a SQLite file.
    let mine = try Replica.create(at: folder + "/mine.sqlite", id: .random(), author: "ranger-1", schema: schema)
    let theirs = try Replica.create(at: folder + "/theirs.sqlite", id: .random(), author: "ranger-2", schema: schema)

    // 3. Write offline, timed when the work was done.
    let oak = try mine.write(at: Timestamp(milliseconds: 1_795_000_000_000)) { transaction in
        try transaction.insert(tree, id: transaction.newRecordID(),
                               fields: ["plot": .text("p7"), "species": .text("栎树"), "height_m": .real(11.5)]).record
    }

    // 4. Sync directly: a session decides, the replica fills in; carry messages any way.
    var mySide = SyncSession(scopes: [ScopeID("p7")]), theirSide = SyncSession(scopes: [ScopeID("p7")])
    while true {
        let fromMine = try mine.nextMessage(in: &mySide)
        if let message = fromMine { try theirs.receive(message, in: &theirSide) }
        let fromTheirs = try theirs.nextMessage(in: &theirSide)
        if let message = fromTheirs { try mine.receive(message, in: &mySide) }
        if fromMine == nil && fromTheirs == nil { break }
    }
    // END README EXAMPLE
    return (mine, theirs, oak)
}

@Suite("README's embedding example")
struct EmbeddingExampleTests {
    @Test("it runs: the record written on one replica is on the other, with the time it was given")
    func exampleRuns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fagu-embed-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let (mine, theirs, oak) = try embeddingExample(folder: folder)
        let tree = try #require(theirs.schema.kind(named: "tree"))
        #expect(try theirs.record(tree, id: oak)?.fields["species"] == .text("栎树"))
        #expect(try theirs.record(tree, id: oak)?.register("species")?.entries.first?.time == Timestamp(milliseconds: 1_795_000_000_000))
        #expect(try mine.digest(scopes: [ScopeID("p7")]) == theirs.digest(scopes: [ScopeID("p7")]))
        try mine.close()
        try theirs.close()
    }

    @Test("README shows exactly the code that runs")
    func readmeMatches() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = source.components(separatedBy: "\n")
        let begin = try #require(lines.firstIndex { $0.hasSuffix("// BEGIN README EXAMPLE") })
        let end = try #require(lines.firstIndex { $0.hasSuffix("// END README EXAMPLE") })
        let example = lines[(begin + 1)..<end].map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : $0 }.joined(separator: "\n")
        #expect(readme.contains("```swift\n" + example + "\n```"), "README's embedding example differs from Tests/FaguCoreTests/EmbeddingExampleTests.swift")
    }
}
