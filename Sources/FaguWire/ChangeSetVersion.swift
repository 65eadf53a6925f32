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

    /// The version written unless told otherwise.
    public static let current = ChangeSetVersion.v3

    /// The version of a file whose frame says `major`, when this code reads it.
    public init?(major: UInt8) { self.init(rawValue: major) }

    /// The major version, written at offset 4 of the frame.
    public var major: UInt8 { rawValue }

    /// The minor version written at offset 5 of the frame.
    public var minor: UInt8 { 0 }

    /// `3.0`.
    public var description: String { "\(major).\(minor)" }
}
