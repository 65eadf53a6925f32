/// A change-set format version this code writes. The major version in a file's frame names
/// its body's layout (SPEC.md, "Body"); a reader of this code reads every one of them, and
/// a hub answers each device in the version of its request.
public enum ChangeSetVersion: UInt8, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// 2.0: the body is a `Body` message, one message per group and per change. Devices of
    /// releases before 3.0 read only this.
    case v2 = 2
    /// 3.0: the body is a `Columns` message, each attribute in a column of its own, which
    /// compresses better (a day's file is about a sixth smaller).
    case v3 = 3
    /// 4.0: the 3.0 columns in chunks of at most 16,384 groups, in one zlib stream: a reader
    /// applies the first chunk while it still inflates the rest, and holds one chunk in
    /// memory, not the whole body.
    case v4 = 4

    /// The version written unless told otherwise.
    public static let current = ChangeSetVersion.v4

    /// The version before this one, which the release before it wrote: nil for 2.0.
    public var previous: ChangeSetVersion? { ChangeSetVersion(rawValue: rawValue - 1) }

    /// The version of a file whose frame says `major`, when this code reads it.
    public init?(major: UInt8) { self.init(rawValue: major) }

    /// The major version, written at offset 4 of the frame.
    public var major: UInt8 { rawValue }

    /// The minor version written at offset 5 of the frame.
    public var minor: UInt8 { 0 }

    /// `4.0`.
    public var description: String { "\(major).\(minor)" }
}
