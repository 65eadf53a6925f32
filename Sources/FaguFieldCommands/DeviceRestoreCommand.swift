import ArgumentParser
import FaguCLI
import FaguSync

/// `fagu restore FILE`: a device from its backup, into an empty home, awaiting a new identity.
struct DeviceRestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore this device from a backup file into an empty --home (恢复备份).",
        discussion: """
            The identity in a backup may have written after the backup was taken, so the restored \
            device writes nothing until it has a new one: ask the hub for a new enrollment file \
            (fagu-hub enroll) and run `fagu recover --enroll FILE`. Its work is carried over; what \
            the hub never confirmed is written again under the new identity.
            """)

    /// The backup file.
    @Argument(help: ArgumentHelp("A file from `fagu backup`.", valueName: "FILE"))
    var file: String

    @OptionGroup var options: DeviceOptions

    struct Output: Encodable {
        var home: String
        var restoredFrom: String
        var next: String
    }

    func run() throws {
        let language = options.language
        try failing(language) { try FieldReplica.restore(from: file, home: options.homePath) }
        if options.output.json {
            return try JSONOutput.print(Output(home: options.homePath, restoredFrom: file, next: "fagu recover --enroll FILE"))
        }
        print(language.text(Catalogue.deviceRestored(options.homePath, from: file)))
    }
}
