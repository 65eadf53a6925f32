import FaguModel

/// Where each origin's groups in each scope stand while a body is written or read: the last
/// counter of the latest group so far, and for a writer its chain hash. From them a writer
/// leaves out a first counter or a previous hash the reader can compute, and the reader
/// computes the counter here and the hash in its ``ChainHasher`` (SPEC.md, "`previous_hash`
/// on the wire").
struct StreamChains {
    private var latest: [BodyTables.Stream: (lastCounter: UInt64, hash: [UInt8]?)] = [:]

    /// Notes the group just written (with its chain hash) or read (without).
    mutating func note(_ stream: BodyTables.Stream, lastCounter: UInt64, hash: [UInt8]? = nil) {
        latest[stream] = (lastCounter, hash)
    }

    // MARK: Writing

    /// What to write for `group` of `stream`: its first counter, 0 when it continues the
    /// latest group of the stream; and its previous hash, nil where the reader computes it
    /// (the genesis hash at counter 1, or the hash of the group it continues).
    func toWrite(_ stream: BodyTables.Stream, for group: ChangeGroup) -> (firstCounter: UInt64, previousHash: [UInt8]?) {
        let before = latest[stream]
        let continues = before.map { $0.lastCounter + 1 == group.firstCounter } ?? false
        let firstCounter = continues ? 0 : group.firstCounter
        let previous = group.previousHash ?? (group.firstCounter == 1 ? GroupHash.genesis : nil)
        guard let previous, !(group.firstCounter == 1 && previous == GroupHash.genesis),
              !(continues && before?.hash == previous) else { return (firstCounter, nil) }
        return (firstCounter, previous)
    }

    // MARK: Reading

    /// The first counter of a group written with `written` (0: one more than the latest of
    /// its stream).
    func firstCounter(written: UInt64, in stream: BodyTables.Stream) throws(WireError) -> UInt64 {
        guard written == 0 else { return written }
        guard let latest = latest[stream] else {
            throw WireError(.malformed, "a group continues a sequence that no earlier group in the file started")
        }
        return latest.lastCounter + 1
    }

    /// The previous hash of a group at `firstCounter` written with `written` (empty: left out),
    /// or nil when it is the hash of the stream's latest group, which the reader's
    /// ``ChainHasher`` fills in.
    func previousHash(written: [UInt8], in stream: BodyTables.Stream, firstCounter: UInt64) throws(WireError) -> [UInt8]? {
        if !written.isEmpty {
            guard written.count == 32 else { throw WireError(.malformed, "a group's previous hash is not 32 bytes") }
            return written
        }
        if firstCounter == 1 { return GroupHash.genesis }
        if let latest = latest[stream], latest.lastCounter + 1 == firstCounter { return nil }
        throw WireError(.malformed, "a group at counter \(firstCounter) names no previous hash, and the group before "
                        + "it is not in the file")
    }
}
