import FaguModel

/// Writes the body of a 4.x file: the groups in chunks, each chunk a 3.x `Columns` body of
/// its own (SPEC.md, "Body, 4.x"), so that a reader applies the first chunk while it still
/// inflates the rest, and holds one chunk in memory rather than the whole body.
enum ChunkedBodyEncoder {
    /// The most groups chunk `index` (from 0) holds: small at first, so that a reader starts
    /// soon; then larger, so that what each chunk repeats (its tables, and the previous hash
    /// of each origin's first group in each scope) costs little.
    static func chunkLimit(_ index: Int) -> Int { min(1_024 << min(index, 4), 16_384) }

    /// The uncompressed body for `groups`; each chunk's first time delta is taken from `createdAt`.
    static func encode(_ groups: [ChangeGroup], createdAt: Timestamp) throws -> [UInt8] {
        let groups = withPreviousHashesAcrossChunks(groups)
        var body: [UInt8] = []
        var start = 0, index = 0
        while start < groups.count {
            let end = min(groups.count, start + chunkLimit(index))
            let chunk = Array(groups[start..<end])
            let bytes = try ColumnarBodyEncoder.encode(chunk, createdAt: createdAt)
            body.appendVarint(UInt64(chunk.count))
            body.appendVarint(UInt64(chunk.reduce(0) { $0 + $1.fields.count }))
            body.appendVarint(UInt64(bytes.count))
            body += bytes
            start = end
            index += 1
        }
        return body
    }

    /// `groups`, where a group built without its previous hash continues a group of an
    /// earlier chunk, with that hash filled in: a reader computes a left-out hash only
    /// within a chunk. (Groups read from a file or a replica's log always carry it.)
    private static func withPreviousHashesAcrossChunks(_ groups: [ChangeGroup]) -> [ChangeGroup] {
        guard groups.count > chunkLimit(0), groups.contains(where: { $0.previousHash == nil && $0.firstCounter > 1 }) else {
            return groups
        }
        struct Stream: Hashable {
            var origin: ReplicaID
            var scope: ScopeID
        }
        var groups = groups
        var latest: [Stream: Int] = [:]
        for position in groups.indices {
            let stream = Stream(origin: groups[position].origin, scope: groups[position].scope)
            if groups[position].previousHash == nil, let before = latest[stream],
               groups[before].lastCounter + 1 == groups[position].firstCounter {
                groups[position].previousHash = groups[before].chainHash
            }
            latest[stream] = position
        }
        return groups
    }
}
