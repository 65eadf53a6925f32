import ArgumentParser
import FaguCLI
import FaguSync
import Foundation

/// `fagu-hub backup --out FILE`: a consistent, checked copy of the hub, safe while it serves.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent, checked copy of the hub to one file, safe while serve runs (备份).",
        discussion: """
            Uses SQLite's online backup, so `fagu-hub serve` and merges go on meanwhile; the copy \
            is checked (integrity, every hash chain and vector) before the command succeeds. The \
            file holds the hub's key too: keep it as safe as the hub (it is readable by its owner \
            only). Restore with `fagu-hub restore FILE --home DIR`.
            """)

    /// Where to write the copy.
    @Option(name: .long, help: ArgumentHelp("The backup file to create (it must not exist).", valueName: "FILE"))
    var out: String

    @OptionGroup var options: HubOptions

    func run() throws {
        let language = options.language
        try failing(language) { try Hub.backup(home: options.homePath, to: out) }
        try BackupWritten(file: out).print(json: options.output.json, language)
    }
}
