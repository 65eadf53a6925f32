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
            its key file (device.key, hub.key) — to open and check the body too. The signature is \
            verified with --sender (the sender's public key, home or key file), or with the key the \
            home given in --key keeps for the sender (a hub's registry of devices, a device's hub \
            key).
            Exits 0 when the file is valid (or, without a key, when its header is), 1 when it would \
            be refused or its signature does not verify (the reason is printed).
            """)

    /// The change-set file.
    @Argument(help: "A change-set file (.fagu), from fagu export, a hub reply or a sync capture.")
    public var file: String

    /// The recipient's home or key file.
    @Option(name: .long, help: "The recipient's home folder or key file (device.key, hub.key), to open a sealed body.")
    public var key: String?

    /// The sender's public key, or its home or key file.
    @Option(name: .long, help: ArgumentHelp("The sender's Ed25519 public key (64 hex digits), or its home or key file, to verify the signature.",
                                            valueName: "KEY"))
    public var sender: String?

    @OptionGroup public var output: OutputOptions

    public init() {}

    public func run() throws {
        let language = output.language
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure(language.text(Catalogue.cannotRead(file)), exitCode: 2)
        }
        let inspection = ChangeSetInspection(file: [UInt8](data), key: try key.map { try BundleCommand.sealingKey(at: $0, language) })
        // The signature, checked with the sender's key when one is at hand (--sender, or the
        // key the home given in --key keeps for the sender).
        let check = try inspection.header.map {
            try SignatureCheck.of([UInt8](data), header: $0, senderKey: sender, home: key, language)
        }
        if output.json {
            var report = BundleReport(file: file, inspection: inspection)
            report.signatureCheck = check
            FileHandle.standardOutput.write(try ChangeSetDescription.encoder.encode(report))
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else {
            print(BundleText(file: file, inspection: inspection, language: language).render())
            if let check {
                let result = switch check.outcome {
                case .verified: language.text(Catalogue.signatureVerified(check.keySource ?? ""))
                case .invalid: language.text(Catalogue.signatureInvalid(check.detail ?? ""))
                case .unchecked: check.detail ?? ""
                }
                print(language.text(Catalogue.signatureCheckLabel) + (language == .zh ? "：" : ": ") + result)
            }
        }
        if check?.outcome == .invalid {
            throw CommandFailure(language.text(Catalogue.fileSignatureInvalid(file)))
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
