import FaguModel

/// Reads the body of a 4.x file: chunks, each a 3.x `Columns` body of some of the groups
/// (SPEC.md, "Body, 4.x"), read one at a time from the whole body or as it is inflated.
///
/// A chunk's counts are checked against what the header leaves for it, and its length
/// against what is left of the body, before its bytes are taken; the chunks' counts must
/// add up to the header's.
struct ChunkedBodyDecoder {
    /// The limits enforced.
    let limits: ChangeSetLimits
    /// The kinds of record the reader knows.
    let schema: Schema

    /// The groups of a body of `bodyCount` bytes, read from `input`.
    ///
    /// - Parameter deliver: Takes the groups a batch at a time as they are read and hashed,
    ///   in order; none are returned then. Nil returns them all.
    func decode(_ input: some BodyInput, bodyCount: Int, header: ChangeSetHeader,
                deliver: (@Sendable ([ChangeGroup]) -> Void)? = nil) throws(WireError) -> [ChangeGroup] {
        let columns = ColumnarBodyDecoder(limits: limits, schema: schema)
        var read = 0, groups = 0, changes = 0
        var all: [ChangeGroup] = []
        while read < bodyCount {
            let groupCount = try count(from: input, read: &read, of: bodyCount)
            let changeCount = try count(from: input, read: &read, of: bodyCount)
            let length = try count(from: input, read: &read, of: bodyCount)
            guard groupCount >= 1, groupCount <= changeCount else {
                throw WireError(.malformed, "a chunk declares \(groupCount) groups and \(changeCount) changes")
            }
            guard groupCount <= UInt64(header.groupCount - groups), changeCount <= UInt64(header.changeCount - changes) else {
                throw WireError(.malformed, "the chunks hold more groups or changes than the header declares")
            }
            guard length <= UInt64(bodyCount - read) else {
                throw WireError(.malformed, "a chunk of \(length) bytes runs past the end of the body")
            }
            let bytes = try input.take(Int(length))
            read += Int(length)
            var chunkHeader = header
            chunkHeader.groupCount = Int(groupCount)
            chunkHeader.changeCount = Int(changeCount)
            all.append(contentsOf: try columns.decode(bytes, header: chunkHeader, deliver: deliver))
            groups += Int(groupCount)
            changes += Int(changeCount)
        }
        guard groups == header.groupCount, changes == header.changeCount else {
            throw WireError(.malformed, "the body's chunks hold \(groups) groups and \(changes) changes, but the header "
                            + "declares \(header.groupCount) and \(header.changeCount)")
        }
        return all
    }

    /// A chunk's count (a varint), each byte counted against what is left of the body.
    private func count(from input: some BodyInput, read: inout Int, of bodyCount: Int) throws(WireError) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<10 {
            guard read < bodyCount else { throw WireError(.malformed, "the body ends inside a chunk's counts") }
            let byte = try input.takeByte()
            read += 1
            guard index < 9 || byte <= 1 else { break }
            value |= UInt64(byte & 0x7f) << (7 * UInt64(index))
            if byte & 0x80 == 0 { return value }
        }
        throw WireError(.malformed, "a chunk's count is over 64 bits")
    }
}
