import ArgumentParser
import FaguCLI
import FaguStore
import FaguSync

/// The options every `fagu-hub` command takes.
public struct HubOptions: ParsableArguments, Sendable {
    /// The hub's folder.
    @Option(name: .long, help: ArgumentHelp("The hub's folder (default $FAGU_HUB_HOME, else ~/.fagu-hub).", valueName: "DIR"))
    public var home: String?

    @OptionGroup public var output: OutputOptions

    public init() {}

    /// The resolved home folder.
    public var homePath: String { HomeDirectory.resolve(home, variable: "FAGU_HUB_HOME", fallback: ".fagu-hub") }

    /// The language to speak.
    public var language: Language { output.language }

    /// Opens the hub in the home.
    public func openHub(pageLimit: Int = 2_000) throws -> Hub {
        try failing(language) { try Hub.open(home: homePath, pageLimit: pageLimit) }
    }
}
