import ArgumentParser
import FaguCLI
import Foundation
import FaguStore
import FaguSync

/// The options every `fagu-hub` command takes.
public struct HubOptions: ParsableArguments, Sendable {
    /// The hub's folder.
    @Option(name: .long, help: ArgumentHelp("The hub's folder (default $FAGU_HUB_HOME, else ~/.fagu-hub).", valueName: "DIR"))
    public var home: String?

    /// The configuration file.
    @Option(name: .long, help: ArgumentHelp("The hub's configuration file (default $FAGU_HUB_CONFIG, else hub.json in the home, if there).",
                                            valueName: "FILE"))
    public var config: String?

    @OptionGroup public var output: OutputOptions

    public init() {}

    /// The resolved home folder.
    public var homePath: String { HomeDirectory.resolve(home, variable: "FAGU_HUB_HOME", fallback: ".fagu-hub") }

    /// The configuration file to read: `--config`, else `$FAGU_HUB_CONFIG`, else the home's
    /// `hub.json` when it exists; nil when there is none.
    public var configPath: String? {
        if let config { return config }
        if let variable = ProcessInfo.processInfo.environment["FAGU_HUB_CONFIG"], !variable.isEmpty { return variable }
        let homeFile = homePath + "/" + HubSettings.homeFileName
        return FileManager.default.fileExists(atPath: homeFile) ? homeFile : nil
    }

    /// The settings of the configuration file, or the defaults when there is none.
    ///
    /// - Throws: ``CommandFailure`` (exit 2) when a named file is missing or any setting in it is wrong.
    public func settings() throws -> HubSettings {
        guard let path = configPath else { return HubSettings() }
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(language.text(Catalogue.Config.noConfigFile(path)), exitCode: 2)
        }
        return try HubSettings.load(path, language: language)
    }

    /// The language to speak.
    public var language: Language { output.language }

    /// Opens the hub in the home.
    public func openHub(pageLimit: Int = 2_000) throws -> Hub {
        try failing(language) { try Hub.open(home: homePath, pageLimit: pageLimit) }
    }
}
