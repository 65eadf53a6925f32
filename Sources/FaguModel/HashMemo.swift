/// A group's chain hash kept after it was computed from the group's own content.
///
/// Not part of the group's identity: two groups with the same content are equal whether or
/// not either has computed its hash yet.
struct HashMemo: Hashable, Sendable {
    /// The hash, or nil while not computed.
    var bytes: [UInt8]?

    init(bytes: [UInt8]? = nil) { self.bytes = bytes }

    static func == (_: HashMemo, _: HashMemo) -> Bool { true }
    func hash(into _: inout Hasher) {}
}
