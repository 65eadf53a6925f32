import ArgumentParser
import FaguCLI
import FaguSync

/// `fagu-hub restore FILE`: a hub from its backup, into an empty home.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a hub from a backup file into an empty --home (恢复).",
        discussion: """
            Refuses a home that already holds a hub. After a restore, devices that synced since \
            the backup send again what the hub lacks at their next sync; nothing they hold is lost.
            """)

    /// The backup file.
    @Argument(help: ArgumentHelp("A file from `fagu-hub backup`.", valueName: "FILE"))
    var file: String

    @OptionGroup var options: HubOptions

    struct Output: Encodable {
        var home: String
        var restoredFrom: String
    }

    func run() throws {
        let language = options.language
        try failing(language) { try Hub.restore(from: file, home: options.homePath) }
        if options.output.json { return try JSONOutput.print(Output(home: options.homePath, restoredFrom: file)) }
        print(language.text(Catalogue.restored(options.homePath, from: file)))
    }
}
