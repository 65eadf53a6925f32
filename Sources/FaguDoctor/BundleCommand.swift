import Crypto
import ArgumentParser
import FaguCLI
import FaguDomain
import FaguModel
import FaguSync
import FaguWire
import Foundation

/// `fagu-doctor bundle FILE`: decode a change-set file and show everything in it.
public struct BundleCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Decode a change-set file: header, sizes, every change, and whether checksum and version hold.",
        discussion: """
            Files are sealed to their recipient: without --key only the header (what routing and \
            diagnosis need) and the sizes are shown. Give the recipient's key — its home folder or \
            its key file (device.key, hub.key) — to open and check the body too.
            Exits 0 when the file is valid (or, without a key, when its header is), 1 when it would \
            be refused (the reason is printed).
            """)

    /// The change-set file.
    @Argument(help: "A change-set file (.fagu), from fagu export, a hub reply or a sync capture.")
    public var file: String

    /// The recipient's home or key file.
    @Option(name: .long, help: "The recipient's home folder or key file (device.key, hub.key), to open a sealed body.")
    public var key: String?

    @OptionGroup public var output: OutputOptions

    public init() {}

    public func run() throws {
        let language = output.language
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure(language.text(Catalogue.cannotRead(file)), exitCode: 2)
        }
        let inspection = ChangeSetInspection(file: [UInt8](data), key: try key.map { try BundleCommand.sealingKey(at: $0, language) })
        if output.json {
            let report = BundleReport(file: file, inspection: inspection)
            FileHandle.standardOutput.write(try ChangeSetDescription.encoder.encode(report))
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else {
            print(BundleText(file: file, inspection: inspection, language: language).render())
        }
        if let error = inspection.error, error.code != .keyRequired {
            throw CommandFailure(language.text(Catalogue.Doctor.fileRefused(file, Catalogue.WireErrors.text(for: error))))
        }
    }

    /// The sealing key of the home at `path` (a folder holding `device.key` or `hub.key`) or
    /// of the key file at `path`; failures are in `language`.
    public static func sealingKey(at path: String, _ language: Language = .fromEnvironment()) throws
        -> Curve25519.KeyAgreement.PrivateKey {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CommandFailure(language.text(Catalogue.Doctor.noKey(at: path)), exitCode: 2)
        }
        var file = path
        if isFolder.boolValue {
            guard let found = ["device.key", "hub.key"].map({ path + "/" + $0 })
                .first(where: { FileManager.default.fileExists(atPath: $0) }) else {
                throw CommandFailure(language.text(Catalogue.Doctor.noKeyInFolder(path)), exitCode: 2)
            }
            file = found
        }
        do {
            return SealingKey.derived(from: try SigningKeyFile.read(at: file))
        } catch {
            throw CommandFailure(language.text(Catalogue.Doctor.notAKeyFile(file, Catalogue.failure(error))), exitCode: 2)
        }
    }
}
