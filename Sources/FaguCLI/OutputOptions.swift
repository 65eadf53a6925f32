import ArgumentParser

/// The output flags every Fagu command takes: `--json` and `--lang`.
public struct OutputOptions: ParsableArguments, Sendable {
    /// Print one JSON document on stdout instead of text.
    @Flag(name: .long, help: "Print one JSON document on stdout instead of text.")
    public var json = false

    /// The language of text output; defaults from LANG.
    @Option(name: .long, help: ArgumentHelp("Language of text output: zh or en (default from LANG).", valueName: "zh|en"))
    public var lang: String?

    public init() {}

    /// The language to speak: `--lang`, else the environment.
    public var language: Language {
        lang.flatMap(Language.init(rawValue:)) ?? Language.fromEnvironment()
    }

    public mutating func validate() throws {
        if let lang, Language(rawValue: lang) == nil {
            throw ValidationError(Language.fromEnvironment().text(Catalogue.languageInvalid(lang)))
        }
    }
}
