import Crypto

/// Everything that can be learned from a change-set file, valid or not: what an operator's
/// `fagu-doctor bundle` shows.
public struct ChangeSetInspection: Sendable {
    /// The file's size.
    public var fileBytes: Int
    /// The format version in the frame, when the file is long enough to hold one.
    public var version: (major: UInt8, minor: UInt8)?
    /// Whether this reader speaks that version.
    public var versionSupported: Bool?
    /// The header, when it could be read.
    public var header: ChangeSetHeader?
    /// The body's compressed and declared sizes, when the frame holds them.
    public var compressedBodyBytes: Int?
    /// The body's declared decompressed size.
    public var bodyBytes: Int?
    /// Whether the body's SHA-256 matched: nil when the check was not reached.
    public var checksumValid: Bool?
    /// The decoded file, when it is valid.
    public var changeSet: ChangeSet?
    /// Why the file was refused, when it was.
    public var error: WireError?
    /// Whether the body is sealed to its recipient (see ``ChangeSetSealing``).
    public var sealed: Bool

    /// Inspects `file` with `decoder`, opening a sealed body with `key` when given; never throws.
    public init(file: [UInt8], decoder: ChangeSetDecoder, key: Curve25519.KeyAgreement.PrivateKey? = nil) {
        sealed = ChangeSetDecoder.isSealed(file)
        fileBytes = file.count
        if file.count >= 6, Array(file[0..<4]) == ChangeSetFormat.magic {
            version = (file[4], file[5])
            versionSupported = decoder.limits.readableVersion(major: file[4]) != nil
        }
        header = try? decoder.decodeHeader(file)
        if header != nil, file.count >= 12 {
            let bodyStart = ChangeSetFormat.prefixBytes + Int(bigEndian: file, at: 8, bytes: 4)
            if file.count >= bodyStart + 8 {
                compressedBodyBytes = Int(bigEndian: file, at: bodyStart, bytes: 4)
                bodyBytes = Int(bigEndian: file, at: bodyStart + 4, bytes: 4)
            }
        }
        var verified = false
        do {
            changeSet = try decoder.decode(file, key: key, checksumVerified: &verified)
            checksumValid = true
        } catch {
            self.error = error
            checksumValid = verified ? true : (error.code == .badChecksum ? false : nil)
        }
    }

    /// Whether the file is valid.
    public var isValid: Bool { changeSet != nil }

    /// Decompressed ÷ compressed body size, when both are known and non-zero.
    public var compressionRatio: Double? {
        guard let compressed = compressedBodyBytes, let body = bodyBytes, compressed > 0 else { return nil }
        return Double(body) / Double(compressed)
    }
}
