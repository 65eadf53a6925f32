import Crypto

/// Constants of the change-set frame (SPEC.md).
public enum ChangeSetFormat {
    /// `FAGU`.
    public static let magic: [UInt8] = Array("FAGU".utf8)
    /// The major version this code writes by default (``ChangeSetVersion/current``); it
    /// reads every major of ``ChangeSetVersion`` (unless ``ChangeSetLimits/versions`` holds
    /// fewer) and refuses any other.
    public static let majorVersion: UInt8 = ChangeSetVersion.current.major
    /// The minor version this code writes; a newer minor is read, its unknown parts skipped.
    public static let minorVersion: UInt8 = ChangeSetVersion.current.minor
    /// Flag bit 0: the body is zlib-compressed (always set).
    public static let zlibFlag: UInt16 = 1
    /// Flag bit 1: a 64-byte Ed25519 signature of everything before it follows the body.
    public static let signedFlag: UInt16 = 2
    /// Flag bit 2: the body is sealed to its recipient (HPKE, SPEC.md "Sealed files"): the
    /// 32 bytes after the two lengths are the encapsulated key, and the compressed body with
    /// its checksum in front is the ciphertext.
    public static let sealedFlag: UInt16 = 4
    /// The HPKE suite of sealed files: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305
    /// (RFC 9180, suite 0x0020/0x0001/0x0003), base mode.
    public static var sealingSuite: HPKE.Ciphersuite { .Curve25519_SHA256_ChachaPoly }
    /// The HPKE `info` of sealed files.
    public static let sealingInfo = Array("fagu change set 2".utf8)
    /// The signature's size.
    public static let signatureBytes = 64
    /// Bytes before the header: magic, versions, flags, header length.
    public static let prefixBytes = 12
    /// Bytes between header and body: two lengths and the SHA-256.
    public static let bodyPrefixBytes = 40
}
