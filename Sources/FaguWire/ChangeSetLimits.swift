/// The hard limits a reader enforces, so hostile input costs bounded memory and time.
public struct ChangeSetLimits: Hashable, Sendable {
    /// Largest whole file accepted.
    public var maxFileBytes: Int
    /// Largest header accepted.
    public var maxHeaderBytes: Int
    /// Largest body once decompressed.
    public var maxBodyBytes: Int
    /// Largest ratio of decompressed to compressed body size.
    public var maxCompressionRatio: Int
    /// Most field changes in one file.
    public var maxChanges: Int

    /// Limits from their parts.
    public init(maxFileBytes: Int = 64 << 20, maxHeaderBytes: Int = 1 << 20, maxBodyBytes: Int = 256 << 20,
                maxCompressionRatio: Int = 200, maxChanges: Int = 2_000_000) {
        self.maxFileBytes = maxFileBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxChanges = maxChanges
    }

    /// The defaults of SPEC.md: 64 MiB files, 1 MiB headers, 256 MiB bodies, ratio 200,
    /// 2,000,000 changes.
    public static let standard = ChangeSetLimits()
}
