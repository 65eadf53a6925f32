import Crypto
import Foundation

/// The X25519 key a Fagu home opens sealed files with, derived from the home's Ed25519
/// signing key by HKDF-SHA256, so a home keeps one secret and an existing home gains its
/// sealing key without a new file. (Derived, not converted: the two keys share no algebra.)
public enum SealingKey {
    /// The sealing key of the home whose signing key is `signingKey`.
    public static func derived(from signingKey: Curve25519.Signing.PrivateKey) -> Curve25519.KeyAgreement.PrivateKey {
        let bytes = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: signingKey.rawRepresentation),
                                           salt: Data("fagu".utf8), info: Data("fagu sealing key x25519 v1".utf8),
                                           outputByteCount: 32)
        // Any 32 bytes are a valid X25519 private key (the scalar is clamped).
        return try! Curve25519.KeyAgreement.PrivateKey(rawRepresentation: bytes.withUnsafeBytes { Data($0) })
    }
}
