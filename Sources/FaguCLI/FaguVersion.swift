import FaguStore
import FaguWire

/// Which Fagu this is, for `--version`: the release, and the two numbers that decide whether
/// two installations can sync (protocol/SPEC.md, "Compatibility").
public enum FaguVersion {
    /// The release of the three commands, raised with every release.
    public static let release = "0.5.0"

    /// `0.5.0 (change-set format 4.0, also reads and answers 2.0, 3.0; replica schema 5)`.
    public static var description: String {
        let older = ChangeSetVersion.allCases.filter { $0 != .current }.map(\.description).joined(separator: ", ")
        return "\(release) (change-set format \(ChangeSetVersion.current), also reads and answers \(older); "
            + "replica schema \(ReplicaSchema.version))"
    }
}
