import ArgumentParser
import FaguCLI
import FaguModel
import FaguWire
import Foundation

/// `fagu-doctor bundle FILE`: decode a change-set file and show everything in it.
public struct BundleCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Decode a change-set file: header, sizes, every change, and whether checksum and version hold.",
        discussion: "Exits 0 when the file is valid, 1 when it would be refused (the reason is printed).")

    /// The change-set file.
    @Argument(help: "A change-set file (.fagu), from fagu export, a hub reply or a sync capture.")
    public var file: String

    @OptionGroup public var output: OutputOptions

    public init() {}

    public func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure("cannot read \(file)", exitCode: 2)
        }
        let inspection = ChangeSetInspection(file: [UInt8](data))
        if output.json {
            let report = BundleReport(file: file, inspection: inspection)
            FileHandle.standardOutput.write(try ChangeSetDescription.encoder.encode(report))
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else {
            print(BundleText(file: file, inspection: inspection, language: output.language).render())
        }
        if let error = inspection.error {
            throw CommandFailure("\(file): refused: \(error)")
        }
    }
}
