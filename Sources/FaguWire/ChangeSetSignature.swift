import Crypto
import Foundation

/// Ed25519 signatures on change-set files: the signer sets flag bit 1 and appends 64 bytes
/// signing everything before them (frame, header, checksum and compressed body).
public enum ChangeSetSignature {
    /// `file` (an unsigned change-set file) signed with `key`.
    ///
    /// - Throws: ``WireError`` when `file` is not an unsigned change-set file.
    public static func sign(_ file: [UInt8], with key: Curve25519.Signing.PrivateKey) throws -> [UInt8] {
        guard file.count >= ChangeSetFormat.prefixBytes, Array(file[0..<4]) == ChangeSetFormat.magic else {
            throw WireError(.malformed, "only a change-set file can be signed")
        }
        var signed = file
        let flags = UInt16(file[6]) << 8 | UInt16(file[7])
        guard flags & ChangeSetFormat.signedFlag == 0 else {
            throw WireError(.malformed, "the file is already signed")
        }
        let newFlags = flags | ChangeSetFormat.signedFlag
        signed[6] = UInt8(newFlags >> 8)
        signed[7] = UInt8(newFlags & 0xFF)
        signed += try key.signature(for: signed)
        return signed
    }

    /// Checks that `file` is signed and that its signature verifies with `publicKey`.
    ///
    /// Only the signature is checked; decode the file for everything else.
    /// - Throws: ``WireError`` `bad_signature` when unsigned or not signed by `publicKey`.
    public static func verify(_ file: [UInt8], publicKey: Curve25519.Signing.PublicKey) throws(WireError) {
        guard file.count > ChangeSetFormat.prefixBytes + ChangeSetFormat.signatureBytes,
              (UInt16(file[6]) << 8 | UInt16(file[7])) & ChangeSetFormat.signedFlag != 0 else {
            throw WireError(.badSignature, "the file is not signed")
        }
        let split = file.count - ChangeSetFormat.signatureBytes
        guard publicKey.isValidSignature(file[split...], for: file[..<split]) else {
            throw WireError(.badSignature, "the signature does not verify with the sender's registered key")
        }
    }
}
