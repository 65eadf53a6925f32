import Crypto
import FaguCLI
import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import Foundation

/// A device's or a hub's home folder as the doctor reads it: the replica opened read-only
/// (safe beside a running `fagu-hub serve` or `fagu sync`), and what the folder says of
/// itself.
struct DoctorHome {
    /// A hub's home or a field device's.
    enum Kind: String, Encodable {
        case hub
        case device
    }

    /// The folder.
    let path: String
    /// Hub or device.
    let kind: Kind
    /// The replica, read-only.
    let replica: Replica
    /// The key file's path (`hub.key` or `device.key`).
    let keyPath: String

    /// Opens the home at `path`, or fails with a one-line message naming what is missing.
    init(_ path: String, _ language: Language) throws {
        self.path = path
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: Hub.replicaPath(home: path)) {
            kind = .hub
            keyPath = Hub.keyPath(home: path)
        } else if fileManager.fileExists(atPath: FieldReplica.replicaPath(home: path)) {
            kind = .device
            keyPath = FieldReplica.keyPath(home: path)
        } else {
            throw CommandFailure(language.text(Catalogue.notAHome(path)), exitCode: 2)
        }
        let replicaPath = kind == .hub ? Hub.replicaPath(home: path) : FieldReplica.replicaPath(home: path)
        do {
            replica = try Replica.openReadOnly(at: replicaPath, schema: .legalAdvice)
        } catch {
            throw CommandFailure(language.text(Catalogue.cannotOpenHome(path, "\(error)")), exitCode: 2)
        }
    }

    /// The home's role as its metadata says (`hub`, `adviser`, `office`).
    func role() throws -> String { try replica.metadata("role") ?? kind.rawValue }

    /// The Ed25519 key that signs what `sender` sends, as this home knows it: for a hub, a
    /// registered device's key; for a device, its hub's key. Nil when this home does not
    /// know the sender.
    func signingKey(of sender: ReplicaID) throws -> Curve25519.Signing.PublicKey? {
        switch kind {
        case .hub:
            guard let raw = try replica.devices().first(where: { $0.id == sender })?.publicKey else { return nil }
            return try Curve25519.Signing.PublicKey(rawRepresentation: raw)
        case .device:
            guard try replica.metadata("hub_replica") == sender.description,
                  let hex = try replica.metadata("hub_public_key"), let raw = Hex.decode(hex) else { return nil }
            return try Curve25519.Signing.PublicKey(rawRepresentation: raw)
        }
    }
}
