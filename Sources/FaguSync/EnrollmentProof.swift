import Crypto
import FaguDomain
import FaguModel
import Foundation

/// How a newly enrolled device proves it holds the one-time token, without the hub keeping
/// anything that could produce the proof.
///
/// The token (with the device's replica id) seeds an Ed25519 key pair by HKDF-SHA256. The
/// hub keeps only its public half, the *verifier*; the device's first files carry a
/// signature by the private half over the device's own public key and replica id. Whoever
/// reads the hub's database learns the verifier, which cannot sign; whoever copies the file
/// cannot reuse the signature for another key.
public enum EnrollmentProof {
    /// The key pair `token` seeds for `replica`.
    static func key(token: String, replica: ReplicaID) -> Curve25519.Signing.PrivateKey {
        let seed = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: Data(token.utf8)),
                                          salt: Data("fagu enrollment v2".utf8), info: Data(replica.bytes), outputByteCount: 32)
        // 32 bytes are always a valid Ed25519 seed.
        return seed.withUnsafeBytes { try! Curve25519.Signing.PrivateKey(rawRepresentation: $0) }
    }

    /// What the hub keeps for `token`: the public key it seeds (32 bytes).
    public static func verifier(token: String, replica: ReplicaID) -> [UInt8] {
        Array(key(token: token, replica: replica).publicKey.rawRepresentation)
    }

    /// The proof, as hex, that the holder of `token` offers `publicKey` for `replica`.
    public static func make(token: String, publicKey: [UInt8], replica: ReplicaID) -> String {
        // Ed25519 signing only fails on a broken random source, which this does not use.
        Hex.encode(Array(try! key(token: token, replica: replica).signature(for: Data(publicKey + replica.bytes))))
    }

    /// Whether `proof` shows that `publicKey` was offered by whoever holds the token behind
    /// `verifier`.
    public static func verify(_ proof: String, verifier: [UInt8], publicKey: [UInt8], replica: ReplicaID) -> Bool {
        // A verifier that is not a public key (a token digest from before this scheme) proves
        // nothing: that device must be enrolled again, which `bad_token` tells it.
        guard let signature = Hex.decode(proof), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: verifier) else {
            return false
        }
        return key.isValidSignature(signature, for: Data(publicKey + replica.bytes))
    }
}
