import FaguModel

/// What a transaction knows of the replica's committed state, read from the file or passed
/// on by the write transaction before it (``CommittedState``): the local numbers of origins
/// and scopes, the version vectors read or advanced, the chain heads, the replica's settings.
struct KnownState: Sendable {
    /// Local origin numbers by replica.
    var originNumbers: [ReplicaID: Int] = [:]
    /// Origins by local number (numbered 1, 2, 3, …): reading a row looks an origin up for
    /// every field, and indexing costs no hashing.
    var originsByNumber: ContiguousArray<ReplicaID?> = []
    /// Origins whose number is too large for ``originsByNumber`` (only in a damaged file).
    var outlyingOrigins: [Int: ReplicaID] = [:]
    /// Local scope numbers by scope.
    var scopeNumbers: [ScopeID: Int] = [:]
    /// Version vectors by scope number: counter per origin number.
    var vectors: [Int: [Int: UInt64]] = [:]
    /// Chain heads written: the hash of the group ending at the counter, per scope and origin.
    var heads: [TransactionContext.VectorKey: (counter: UInt64, hash: [UInt8]?)] = [:]
    /// The replica whose changes to anyone's work logs are accepted as corrections (the
    /// hub), from `replica_meta.authority`.
    var authority: ReplicaID?
    /// Why this replica writes no more, when another copy used its identity
    /// (`replica_meta.forked`, see ``Replica/markForked(_:)``).
    var forked: String?
    /// Whether change-log rows written before schema v4 may leave current values to the
    /// record (see ``ChangeBody``).
    var logLeavesValuesToRecords = false
}
