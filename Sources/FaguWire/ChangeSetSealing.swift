import Crypto
import Foundation

/// Sealing change-set files to their recipient (SPEC.md, "Sealed files"): HPKE base mode with
/// X25519 (``ChangeSetFormat/sealingSuite``), the header as associated data, so a lost stick
/// or a copied inbox shows only what routing needs. Sealing comes before signing: the
/// sender's Ed25519 signature covers the sealed bytes, which authenticates the sender.
public enum ChangeSetSealing {
    /// `file` (an unsigned, unsealed change-set file) with its checksum and compressed body
    /// sealed to `recipient`: flag bit 2 set, the checksum's place taken by the 32-byte
    /// encapsulated key, the compressed length now the ciphertext's.
    ///
    /// - Throws: ``WireError`` when `file` is not an unsigned, unsealed change-set file.
    public static func seal(_ file: [UInt8], to recipient: Curve25519.KeyAgreement.PublicKey) throws -> [UInt8] {
        guard file.count >= ChangeSetFormat.prefixBytes, Array(file[0..<4]) == ChangeSetFormat.magic else {
            throw WireError(.malformed, "only a change-set file can be sealed")
        }
        let flags = UInt16(file[6]) << 8 | UInt16(file[7])
        guard flags & (ChangeSetFormat.signedFlag | ChangeSetFormat.sealedFlag) == 0 else {
            throw WireError(.malformed, "seal a file before signing it, and only once")
        }
        let bodyStart = ChangeSetFormat.prefixBytes + Int(bigEndian: file, at: 8, bytes: 4)
        let dataStart = bodyStart + ChangeSetFormat.bodyPrefixBytes
        guard file.count >= dataStart else { throw WireError(.truncated, "the file ends before its body") }
        var sender = try HPKE.Sender(recipientKey: recipient, ciphersuite: ChangeSetFormat.sealingSuite,
                                     info: Data(ChangeSetFormat.sealingInfo))
        // Checksum, then the compressed body: the ciphertext hides both.
        let plaintext = file[(bodyStart + 8)..<(bodyStart + 40)] + file[dataStart...]
        let sealed = try sender.seal(plaintext, authenticating: file[ChangeSetFormat.prefixBytes..<bodyStart])
        let encapsulated = [UInt8](sender.encapsulatedKey)
        guard encapsulated.count == 32 else { throw WireError(.malformed, "the encapsulated key is not 32 bytes") }
        var out = Array(file[0..<bodyStart])
        out.reserveCapacity(dataStart + sealed.count)
        let newFlags = flags | ChangeSetFormat.sealedFlag
        out[6] = UInt8(newFlags >> 8)
        out[7] = UInt8(newFlags & 0xFF)
        for index in (0..<4).reversed() { out.append(UInt8(truncatingIfNeeded: sealed.count >> (8 * index))) }
        out += file[(bodyStart + 4)..<(bodyStart + 8)]
        out += encapsulated
        out += sealed
        return out
    }

    /// The plaintext of a sealed body: the checksum (32 bytes), then the compressed body.
    ///
    /// - Throws: ``WireError`` `key_required` without a key, `cannot_decrypt` when the body
    ///   does not open with it (sealed to someone else, or altered, header included).
    static func open(_ sealed: [UInt8], encapsulatedKey: [UInt8], header: [UInt8],
                     key: Curve25519.KeyAgreement.PrivateKey?) throws(WireError) -> [UInt8] {
        guard let key else {
            throw WireError(.keyRequired, "the body is sealed to its recipient; only the recipient's key opens it")
        }
        do {
            var recipient = try HPKE.Recipient(privateKey: key, ciphersuite: ChangeSetFormat.sealingSuite,
                                               info: Data(ChangeSetFormat.sealingInfo), encapsulatedKey: Data(encapsulatedKey))
            return [UInt8](try recipient.open(sealed, authenticating: header))
        } catch {
            throw WireError(.cannotDecrypt, "the body does not open with this key: the file was sealed to another "
                            + "recipient, or altered on the way")
        }
    }
}
