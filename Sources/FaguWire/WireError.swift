/// Why a change-set file was refused. Nothing from a refused file is applied.
///
/// The codes are part of the protocol (SPEC.md): another implementation must produce the
/// same code for the same input.
public struct WireError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of refusal; its raw value is the code in SPEC.md and the test vectors.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        /// The input ends before the frame says it does.
        case truncated
        /// The first four bytes are not `FAGU`.
        case badMagic = "bad_magic"
        /// A major version this reader does not speak.
        case unsupportedVersion = "unsupported_version"
        /// The SHA-256 of the body does not match.
        case badChecksum = "bad_checksum"
        /// A size in the frame, or the input itself, is over the reader's limit.
        case tooLarge = "too_large"
        /// More changes than the reader's limit.
        case tooManyChanges = "too_many_changes"
        /// The zlib stream is damaged.
        case badCompression = "bad_compression"
        /// The header or body is not a valid message, or an index points nowhere.
        case malformed
        /// The file is not signed, or its signature does not verify with the sender's key.
        case badSignature = "bad_signature"
        /// The body is sealed to its recipient and no key was given to open it.
        case keyRequired = "key_required"
        /// The sealed body does not open with the key given: the file was sealed to another
        /// recipient, or altered.
        case cannotDecrypt = "cannot_decrypt"
    }

    /// The kind of refusal.
    public let code: Code
    /// One sentence for people: what was wrong, with sizes where they help.
    public let message: String

    /// An error from its parts.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
