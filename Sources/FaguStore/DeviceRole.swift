/// What an enrolled device is for.
public enum DeviceRole: String, Sendable, Hashable, CaseIterable {
    /// An adviser's laptop: sees the communities the adviser serves.
    case adviser
    /// A community office (居委会/村委会): sees its own community.
    case office
}
