import Crypto
import Foundation

/// A device's or hub's Ed25519 private key, kept in one file of its home (mode 0600); it
/// never leaves the machine.
public enum SigningKeyFile {
    /// Creates a new key pair and writes the private key to `path`.
    ///
    /// - Throws: ``SyncFailure`` when a key is already there (never overwrite an identity).
    public static func create(at path: String) throws -> Curve25519.Signing.PrivateKey {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw SyncFailure("a key already exists at \(path); refusing to replace it")
        }
        let key = Curve25519.Signing.PrivateKey()
        try AtomicFile.write(Data(Hex.encode(key.rawRepresentation).utf8), to: path)
        return key
    }

    /// Reads the private key at `path`.
    public static func read(at path: String) throws -> Curve25519.Signing.PrivateKey {
        guard let data = FileManager.default.contents(atPath: path),
              let bytes = Hex.decode(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes) else {
            throw SyncFailure("cannot read the signing key at \(path)")
        }
        return key
    }
}
