import Crypto
import FaguModel
import Foundation

/// What a device's first files carry instead of its one-time token: an HMAC-SHA256 keyed
/// with SHA-256(token) over the device's public key and replica id. The hub, which keeps
/// only SHA-256(token), can check it; whoever copies the file cannot reuse it for another key.
public enum EnrollmentProof {
    /// The proof, as hex, for `token`, `publicKey` and `replica`.
    public static func make(token: String, publicKey: [UInt8], replica: ReplicaID) -> String {
        make(tokenDigest: Array(SHA256.hash(data: Data(token.utf8))), publicKey: publicKey, replica: replica)
    }

    /// The proof from the token's digest (what the hub keeps).
    public static func make(tokenDigest: [UInt8], publicKey: [UInt8], replica: ReplicaID) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: publicKey + replica.bytes, using: SymmetricKey(data: tokenDigest))
        return Hex.encode(code)
    }
}
