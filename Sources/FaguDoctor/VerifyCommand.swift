import ArgumentParser
import FaguCLI
import FaguStore
import Foundation

/// `fagu-doctor verify --home DIR [FILE…]`: prove a replica sound, or name what is wrong.
public struct VerifyCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove a device's or hub's replica sound, or name every problem (校验).",
        discussion: """
            Checks, reading only: SQLite's integrity_check; every origin's change log complete \
            from its first counter, each group hashing to its stored chain hash; the version \
            vectors equal to the log's maxima; every record's state equal to what replaying the \
            whole log into a scratch replica gives; the keys the home keeps. Change-set files \
            given after the options are checked too: readable, and signed by the sender their \
            header names, with the key this home holds for it.
            Exits 0 only when everything holds; otherwise 1, naming each problem and the records \
            it touches.
            """)

    /// The home to check.
    @Option(name: .long, help: ArgumentHelp("The device's or hub's home folder.", valueName: "DIR"))
    public var home: String

    /// Change-set files to check against the home.
    @Argument(help: ArgumentHelp("Change-set files (.fagu) to check against the home's keys.", valueName: "FILE"))
    public var files: [String] = []

    @OptionGroup public var output: OutputOptions

    public init() {}

    /// What `--json` prints.
    struct Report: Encodable {
        var home: String
        var kind: DoctorHome.Kind
        var ok: Bool
        var problems: [ReplicaProblem]
    }

    public func run() throws {
        let language = output.language
        let home = try DoctorHome(home, language)
        let problems = try failing(language) {
            var problems = try home.replica.verify(scratchDirectory: FileManager.default.temporaryDirectory.path)
            problems += try HomeChecks.keyProblems(of: home)
            for file in files { problems += try HomeChecks.fileProblems(file, against: home) }
            return problems
        }
        if output.json {
            try JSONOutput.print(Report(home: home.path, kind: home.kind, ok: problems.isEmpty, problems: problems))
        } else if problems.isEmpty {
            print(language.text(Catalogue.verifySound(language.text(Catalogue.verifyChecks))))
        } else {
            // One problem per paragraph: details are long and must not be cut.
            for problem in problems {
                let place = [problem.scope, problem.origin, problem.counter.map { "#\($0)" }].compactMap { $0 }.joined(separator: " ")
                print("✗ \(problem.code.rawValue)" + (place.isEmpty ? "" : "  [\(place)]"))
                print("    " + problem.detail)
                if !problem.records.isEmpty {
                    print("    " + language.text(Catalogue.recordsHeader) + ": " + problem.records.prefix(5).joined(separator: ", ")
                          + (problem.records.count > 5 ? " …" : ""))
                }
            }
        }
        if !problems.isEmpty {
            throw CommandFailure(language.text(Catalogue.verifyFoundProblems(problems.count)))
        }
    }
}
