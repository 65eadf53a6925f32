import ArgumentParser
import FaguCLI
import Foundation

/// `fagu-doctor trace ID --home DIR`: one record's causal history as a tree.
public struct TraceCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "One record's causal history as a tree: every write, what it superseded, what ran concurrently (追溯).",
        discussion: """
            Each write shows its dots, device, author, Shanghai time, the fields and values it \
            wrote, the earlier values it superseded, and writes to the same fields concurrent \
            with it (a conflict, or one resolved later). The id may be any unique prefix or \
            suffix of 6 or more characters. Reads only.
            """)

    /// The record.
    @Argument(help: ArgumentHelp("The record's id, or a unique part of it.", valueName: "ID"))
    public var id: String

    /// The home to read.
    @Option(name: .long, help: ArgumentHelp("The device's or hub's home folder.", valueName: "DIR"))
    public var home: String

    @OptionGroup public var output: OutputOptions

    public init() {}

    public func run() throws {
        let language = output.language
        let home = try DoctorHome(home, language)
        let reference = try RecordReference.resolve(id, on: home.replica, language)
        let changes = try failing(language) { try home.replica.history(of: reference.kind, id: reference.id) }
        guard !changes.isEmpty else { throw CommandFailure(language.text(Catalogue.traceNoRecord(id)), exitCode: 1) }
        let trace = RecordTrace(kind: reference.kind, record: reference.id, changes: changes)
        if output.json { return try JSONOutput.print(trace) }
        for line in trace.render(language) { print(line) }
    }
}
