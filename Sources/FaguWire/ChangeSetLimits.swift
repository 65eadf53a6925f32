/// The hard limits a reader enforces, so hostile input costs bounded memory and time.
public struct ChangeSetLimits: Hashable, Sendable {
    /// Largest whole file accepted.
    public var maxFileBytes: Int
    /// Largest header accepted.
    public var maxHeaderBytes: Int
    /// Largest body once decompressed: an absolute cap, checked against the declared size
    /// before inflating and enforced while inflating as a stream. No ratio is checked, since
    /// legitimate repetitive text compresses far beyond any fixed ratio.
    public var maxBodyBytes: Int
    /// Most field changes in one file.
    public var maxChanges: Int
    /// The format versions read; a file in any other is refused as `unsupported_version`.
    /// Every version this code knows, unless a reader stands for an older release.
    public var versions: Set<ChangeSetVersion>

    /// Limits from their parts.
    public init(maxFileBytes: Int = 64 << 20, maxHeaderBytes: Int = 1 << 20, maxBodyBytes: Int = 64 << 20,
                maxChanges: Int = 2_000_000, versions: Set<ChangeSetVersion> = Set(ChangeSetVersion.allCases)) {
        self.maxFileBytes = maxFileBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.maxChanges = maxChanges
        self.versions = versions
    }

    /// The version a file whose frame says major version `major` is in, when it is one of
    /// ``versions``; nil when a reader with these limits refuses it.
    public func readableVersion(major: UInt8) -> ChangeSetVersion? {
        ChangeSetVersion(major: major).flatMap { versions.contains($0) ? $0 : nil }
    }

    /// The defaults of SPEC.md: 64 MiB files, 1 MiB headers, 64 MiB bodies, 2,000,000
    /// changes. A page of a delta carries at most about 8 MiB of values, so whatever the
    /// write path accepts fits.
    public static let standard = ChangeSetLimits()
}
