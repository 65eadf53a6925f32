/// Why a group was set aside (quarantined) instead of applied, and the hash of what it
/// held. A set-aside group still takes its dots, so the writer's later groups follow it and
/// the acknowledgement covers it, but it changes no record.
public struct SetAside: Hashable, Sendable, CustomStringConvertible {
    /// A stable code: `outside_scope`, `after_appointment`, `wrong_author`, `invalid_value`, …
    public var code: String
    /// One sentence a person can act on; names records and fields, never values.
    public var reason: String
    /// The chain hash of the group as written, so the writer's chain continues through it.
    public var hash: [UInt8]

    /// A set-aside from its parts.
    public init(code: String, reason: String, hash: [UInt8]) {
        self.code = code
        self.reason = reason
        self.hash = hash
    }

    /// `code: reason`.
    public var description: String { "\(code): \(reason)" }
}
