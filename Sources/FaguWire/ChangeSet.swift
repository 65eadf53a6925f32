import FaguModel

/// A decoded change-set file: its header and its groups in causal order, with the sizes
/// the file had on the wire.
public struct ChangeSet: Hashable, Sendable {
    /// The header.
    public var header: ChangeSetHeader
    /// The groups, in the order the file holds them.
    public var groups: [ChangeGroup]
    /// The format version the file was written in.
    public var version: (major: UInt8, minor: UInt8) { (majorVersion, minorVersion) }
    /// The file's major format version.
    public var majorVersion: UInt8
    /// The file's minor format version.
    public var minorVersion: UInt8
    /// The whole file's size in bytes.
    public var fileBytes: Int
    /// The body's size compressed.
    public var compressedBodyBytes: Int
    /// The body's size decompressed.
    public var bodyBytes: Int
    /// The Ed25519 signature that follows the body, when the file is signed (verify it with
    /// ``ChangeSetSignature/verify(_:publicKey:)``).
    public var signature: [UInt8]?
    /// Whether the body was sealed to its recipient.
    public var sealed: Bool

    /// A change set from its parts.
    public init(header: ChangeSetHeader, groups: [ChangeGroup], majorVersion: UInt8 = ChangeSetFormat.majorVersion,
                minorVersion: UInt8 = ChangeSetFormat.minorVersion, fileBytes: Int = 0, compressedBodyBytes: Int = 0,
                bodyBytes: Int = 0, signature: [UInt8]? = nil, sealed: Bool = false) {
        self.header = header
        self.groups = groups
        self.majorVersion = majorVersion
        self.minorVersion = minorVersion
        self.fileBytes = fileBytes
        self.compressedBodyBytes = compressedBodyBytes
        self.bodyBytes = bodyBytes
        self.signature = signature
        self.sealed = sealed
    }

    public static func == (lhs: ChangeSet, rhs: ChangeSet) -> Bool {
        lhs.header == rhs.header && lhs.groups == rhs.groups
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(header)
        hasher.combine(groups)
    }
}
