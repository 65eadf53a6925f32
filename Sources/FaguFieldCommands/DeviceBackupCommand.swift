import ArgumentParser
import FaguCLI
import FaguSync
import Foundation

/// `fagu backup --out FILE`: a consistent, checked copy of this device.
struct DeviceBackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent, checked copy of this device to one file (备份).",
        discussion: """
            The file holds the device's key too: keep it as safe as the laptop (it is readable by \
            its owner only). Restore with `fagu restore FILE --home DIR`; a restored device then \
            takes a new identity with `fagu recover`, so nothing is ever written twice under one \
            identity.
            """)

    /// Where to write the copy.
    @Option(name: .long, help: ArgumentHelp("The backup file to create (it must not exist).", valueName: "FILE"))
    var out: String

    @OptionGroup var options: DeviceOptions

    func run() throws {
        let language = options.language
        try failing(language) { try FieldReplica.backup(home: options.homePath, to: out) }
        try BackupWritten(file: out).print(json: options.output.json, language)
    }
}
