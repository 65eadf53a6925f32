import ArgumentParser
import FaguCLI

/// `fagu-doctor`: sync diagnostics for operators.
public struct DoctorCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fagu-doctor",
        abstract: "Sync diagnostics for Fagu operators (同步诊断).",
        discussion: """
            Inspects replicas and change-set files without changing them. Every command \
            takes --json for one JSON document on stdout and --lang zh|en for text.
            """,
        version: FaguVersion.description,
        subcommands: [StatusCommand.self, VerifyCommand.self, DiffCommand.self, TraceCommand.self, DoctorConflictsCommand.self,
                      BundleCommand.self])

    public init() {}
}
