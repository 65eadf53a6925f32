import ArgumentParser
import FaguCLI
import Foundation

/// `fagu-doctor conflicts --home DIR`: the open conflicts of any home, read-only.
public struct DoctorConflictsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "The open conflicts of a device or hub, with who wrote each value, when and where (冲突).")

    /// The home to read.
    @Option(name: .long, help: ArgumentHelp("The device's or hub's home folder.", valueName: "DIR"))
    public var home: String

    @OptionGroup public var output: OutputOptions

    public init() {}

    public func run() throws {
        let language = output.language
        let home = try DoctorHome(home, language)
        try ConflictListing.print(try failing(language) { try ConflictListing.all(in: home.replica) }, json: output.json, language)
    }
}
