import Crypto
import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguWire
import Foundation

/// The checks `fagu-doctor verify` makes beyond the replica file itself: the keys a home
/// keeps, and the signatures of change-set files given beside it.
enum HomeChecks {
    /// Problems with the home's own key file and the peers' keys it stores.
    static func keyProblems(of home: DoctorHome) throws -> [ReplicaProblem] {
        var problems: [ReplicaProblem] = []
        do {
            _ = try SigningKeyFile.read(at: home.keyPath)
        } catch {
            problems.append(ReplicaProblem(.keyInvalid, detail: "\(home.keyPath): \(error)"))
        }
        switch home.kind {
        case .hub:
            for device in try home.replica.devices() {
                if let key = device.publicKey, (try? Curve25519.Signing.PublicKey(rawRepresentation: key)) == nil {
                    problems.append(ReplicaProblem(.keyInvalid, origin: device.id.description,
                                                   detail: "the registered signing key of \(device.subject) (\(device.id)) is not an Ed25519 key"))
                }
                if let key = device.encryptionKey, (try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: key)) == nil {
                    problems.append(ReplicaProblem(.keyInvalid, origin: device.id.description,
                                                   detail: "the sealing key of \(device.subject) (\(device.id)) is not an X25519 key"))
                }
            }
        case .device:
            for (name, check) in [("hub_public_key", { (raw: [UInt8]) in _ = try Curve25519.Signing.PublicKey(rawRepresentation: raw) }),
                                  ("hub_encryption_key", { (raw: [UInt8]) in _ = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: raw) })] {
                guard let hex = try home.replica.metadata(name) else { continue }
                do {
                    guard let raw = Hex.decode(hex) else { throw CryptoKitError.incorrectKeySize }
                    try check(raw)
                } catch {
                    problems.append(ReplicaProblem(.keyInvalid, detail: "the hub's key \(name) kept on this device is unreadable"))
                }
            }
        }
        return problems
    }

    /// Problems with the change-set file at `path` as `home` would receive it: unreadable, or
    /// signed by someone other than the sender its header names (or unsigned).
    static func fileProblems(_ path: String, against home: DoctorHome) throws -> [ReplicaProblem] {
        guard let data = FileManager.default.contents(atPath: path) else {
            return [ReplicaProblem(.fileInvalid, detail: "\(path): cannot read it")]
        }
        let file = [UInt8](data)
        let header: ChangeSetHeader
        do {
            header = try ChangeSetDecoder(schema: .legalAdvice).decodeHeader(file)
        } catch {
            return [ReplicaProblem(.fileInvalid, detail: "\(path): \(error)")]
        }
        // A device's first file carries the key it is registering; otherwise the home's record.
        let key: Curve25519.Signing.PublicKey?
        if let known = try home.signingKey(of: header.sender) {
            key = known
        } else if header.enrollmentToken != nil, let offered = header.publicKey {
            do {
                key = try Curve25519.Signing.PublicKey(rawRepresentation: offered)
            } catch {
                return [ReplicaProblem(.signatureInvalid, origin: header.sender.description,
                                       detail: "\(path): the key it registers is not an Ed25519 key")]
            }
        } else {
            key = nil
        }
        guard let key else {
            return [ReplicaProblem(.signatureInvalid, origin: header.sender.description,
                                   detail: "\(path): its sender \(header.sender) is not known at this home, so its signature cannot be checked")]
        }
        do {
            try ChangeSetSignature.verify(file, publicKey: key)
        } catch {
            return [ReplicaProblem(.signatureInvalid, origin: header.sender.description, detail: "\(path): \(error)")]
        }
        return []
    }
}
