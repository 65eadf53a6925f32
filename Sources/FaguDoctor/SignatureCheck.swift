import Crypto
import FaguCLI
import FaguModel
import FaguSync
import FaguWire
import Foundation

/// Whether a change-set file's signature verifies, and with whose key.
struct SignatureCheck: Encodable {
    /// The result.
    enum Outcome: String, Encodable {
        /// The signature verifies with the sender's key.
        case verified
        /// It does not (or the file is unsigned where a signature was expected).
        case invalid
        /// No key for the sender was at hand.
        case unchecked
    }

    var outcome: Outcome
    /// Where the key came from: `sender` (given), `registry` (the hub's record of the device),
    /// `hub` (the device's record of its hub), `offered` (the key a first file registers).
    var keySource: String?
    /// Why it failed, or what would let it be checked.
    var detail: String?

    /// Checks `file` from `sender`, with the key given as `--sender` (a public key in hex, or
    /// the sender's home or key file), else the one the home at `home` keeps for that sender,
    /// else the key the file itself offers on a device's first request.
    static func of(_ file: [UInt8], header: ChangeSetHeader, senderKey: String?, home: String?,
                   _ language: Language) throws -> SignatureCheck {
        var key: Curve25519.Signing.PublicKey?
        var source: String?
        if let senderKey {
            key = try publicKey(from: senderKey, language)
            source = "sender"
        } else if let home, isFolder(home) {
            let doctorHome = try DoctorHome(home, language)
            key = try doctorHome.signingKey(of: header.sender)
            source = doctorHome.kind == .hub ? "registry" : "hub"
        }
        // A newly enrolled device's first request registers its key (with its enrollment
        // token); in a hub's reply the same header field echoes the recipient's key instead.
        if key == nil, header.enrollmentToken != nil, let offered = header.publicKey {
            source = "offered"
            do {
                key = try Curve25519.Signing.PublicKey(rawRepresentation: offered)
            } catch {
                return SignatureCheck(outcome: .invalid, keySource: source, detail: "the key the file registers is not an Ed25519 key")
            }
        }
        guard let key else {
            return SignatureCheck(outcome: .unchecked, keySource: nil,
                                  detail: language.text(Catalogue.signatureUncheckedHint))
        }
        do {
            try ChangeSetSignature.verify(file, publicKey: key)
            return SignatureCheck(outcome: .verified, keySource: source, detail: nil)
        } catch {
            return SignatureCheck(outcome: .invalid, keySource: source, detail: Catalogue.WireErrors.text(for: error).en)
        }
    }

    /// A public key given as 64 hex digits, or read from a home or private key file.
    private static func publicKey(from text: String, _ language: Language) throws -> Curve25519.Signing.PublicKey {
        if let raw = Hex.decode(text), raw.count == 32, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) {
            return key
        }
        var path = text
        if isFolder(text) {
            guard let found = ["device.key", "hub.key"].map({ text + "/" + $0 }).first(where: { FileManager.default.fileExists(atPath: $0) })
            else { throw CommandFailure(language.text(Catalogue.Doctor.noKeyInFolder(text)), exitCode: 2) }
            path = found
        }
        do {
            return try SigningKeyFile.read(at: path).publicKey
        } catch {
            throw CommandFailure(language.text(Catalogue.Doctor.noKey(at: text)), exitCode: 2)
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
}
