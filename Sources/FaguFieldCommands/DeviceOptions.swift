import ArgumentParser
import FaguCLI
import FaguStore
import FaguSync

/// The options every `fagu` command takes: where the replica is, and how to print.
public struct DeviceOptions: ParsableArguments, Sendable {
    /// The replica's folder.
    @Option(name: .long, help: ArgumentHelp("The replica's folder (default $FAGU_HOME, else ~/.fagu).", valueName: "DIR"))
    public var home: String?

    @OptionGroup public var output: OutputOptions

    public init() {}

    /// The resolved home folder.
    public var homePath: String { HomeDirectory.resolve(home, variable: "FAGU_HOME", fallback: ".fagu") }

    /// The language to speak.
    public var language: Language { output.language }

    /// Opens the device in the home, or fails with a line saying how to join.
    public func openDevice() throws -> FieldReplica {
        try failing(language) { try FieldReplica.open(home: homePath) }
    }
}
