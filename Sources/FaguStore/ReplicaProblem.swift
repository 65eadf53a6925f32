/// One thing wrong with a replica file, as ``Replica/verify(scratchDirectory:)`` finds it:
/// what, where, and the records it touches.
public struct ReplicaProblem: Hashable, Sendable, Encodable {
    /// What kind of problem; stable for scripts and tests.
    public enum Code: String, Hashable, Sendable, Encodable {
        /// SQLite's `integrity_check` reported damage to the file itself.
        case integrity
        /// A change-log row could not be read back.
        case unreadableLogRow = "unreadable_log_row"
        /// Counters missing from an origin's log in a scope (a deleted change-log row).
        case logGap = "log_gap"
        /// A group's stored chain hash is not the hash of its content and predecessor.
        case chainBroken = "chain_broken"
        /// The version vector claims changes the log does not hold.
        case vectorAhead = "vector_ahead"
        /// The log holds changes the version vector does not count.
        case vectorBehind = "vector_behind"
        /// A record's stored state differs from what replaying the change log gives.
        case stateDiffers = "state_differs"
        /// Replaying the change log into a scratch replica failed.
        case replayFailed = "replay_failed"
        /// A key the home keeps (its own key file, a registered peer's key) is unreadable.
        case keyInvalid = "key_invalid"
        /// A change-set file's signature does not verify with its sender's key, or its
        /// sender is unknown here.
        case signatureInvalid = "signature_invalid"
        /// A change-set file cannot be read or decoded.
        case fileInvalid = "file_invalid"
    }

    /// The kind of problem.
    public var code: Code
    /// The scope concerned, if one is.
    public var scope: String?
    /// The origin (writing replica) concerned, if one is.
    public var origin: String?
    /// The first counter concerned, if one is.
    public var counter: UInt64?
    /// The records concerned (`kind id`), at most a few.
    public var records: [String]
    /// One line saying what is wrong.
    public var detail: String

    /// A problem from its parts.
    public init(_ code: Code, scope: String? = nil, origin: String? = nil, counter: UInt64? = nil, records: [String] = [],
                detail: String) {
        self.code = code
        self.scope = scope
        self.origin = origin
        self.counter = counter
        self.records = records
        self.detail = detail
    }
}
