import Crypto
import FaguDomain
import FaguModel
import FaguStore
import FaguTesting
@testable import FaguWire
import Synchronization
import Testing

/// A change set read on another thread while its groups are applied gives what decoding it
/// whole gives: the same groups in the same order, or the same refusal.
@Suite("Change sets read as a stream")
struct ChangeSetStreamTests {
    /// A file of `count` groups on twelve interleaved streams, in `version`.
    static func file(groups count: Int, version: ChangeSetVersion = .v3) throws -> [UInt8] {
        try InterleavedChains(count: count, seed: 11).file(version: version)
    }

    /// Every part of `stream`, and how many there were.
    static func drain(_ stream: ChangeSetStream) throws(WireError) -> (groups: [ChangeGroup], parts: Int) {
        var groups: [ChangeGroup] = [], parts = 0
        while let part = try stream.nextGroups() {
            groups += part
            parts += 1
        }
        return (groups, parts)
    }

    /// The code `body` fails with, or nil.
    static func failure<T>(_ body: () throws(WireError) -> T) -> WireError.Code? {
        do throws(WireError) {
            _ = try body()
            return nil
        } catch {
            return error.code
        }
    }

    @Test("a stream gives decode's groups in order: a small body at once, a big one in parts read on another thread",
          arguments: [(100, ChangeSetVersion.v3), (ChainHasher.threadedFrom + 2_500, .v3), (ChainHasher.threadedFrom + 100, .v2),
                      (100, .v4), (ChainHasher.threadedFrom + 2_500, .v4), (ChunkedBodyEncoder.chunkLimit(9) * 3 + 7, .v4)])
    func sameGroupsAsDecode(count: Int, version: ChangeSetVersion) throws {
        let chains = InterleavedChains(count: count, seed: 11)
        let file = try chains.file(version: version)
        let decoded = try ChangeSetDecoder().decode(file)
        let stream = try ChangeSetDecoder().stream(file)
        #expect(stream.expectedGroupCount == count)
        #expect(stream.header == decoded.header)
        #expect(stream.outline.fileBytes == decoded.fileBytes && stream.outline.bodyBytes == decoded.bodyBytes)
        let (groups, parts) = try Self.drain(stream)
        #expect(groups.count == count)
        #expect(groups == decoded.groups)
        #expect(groups.map(\.chainHash) == chains.hashes)
        // 4.0 chunks hold whole batches but the last: the parts come out the same.
        #expect(parts == (count + ChainHasher.batchSize - 1) / ChainHasher.batchSize)
        // After the end it stays at the end.
        #expect(try stream.nextGroups() == nil)
    }

    @Test("a damaged, truncated or wrongly keyed file fails from the stream with decode's code",
          arguments: [100, ChainHasher.threadedFrom + 1_000], [ChangeSetVersion.v3, .v4])
    func sameRefusalsAsDecode(count: Int, version: ChangeSetVersion) throws {
        let plain = try Self.file(groups: count, version: version)
        let recipient = Curve25519.KeyAgreement.PrivateKey()
        let sealed = try ChangeSetSealing.seal(plain, to: recipient.publicKey)
        var flipped = plain
        flipped[plain.count - 20] ^= 0x5A  // inside the compressed body
        let cases: [(file: [UInt8], key: Curve25519.KeyAgreement.PrivateKey?)] = [
            (flipped, nil), (Array(plain.dropLast(3)), nil), (sealed, nil), (sealed, Curve25519.KeyAgreement.PrivateKey()),
            (sealed, recipient),
        ]
        var refused = 0
        for (file, key) in cases {
            let decodeCode = Self.failure { () throws(WireError) in try ChangeSetDecoder().decode(file, key: key) }
            let streamCode = Self.failure { () throws(WireError) in try Self.drain(try ChangeSetDecoder().stream(file, key: key)) }
            #expect(streamCode == decodeCode, "\(String(describing: decodeCode))")
            if decodeCode != nil { refused += 1 }
        }
        #expect(refused == 4)
        #expect(try Self.drain(try ChangeSetDecoder().stream(sealed, key: recipient)).groups == ChangeSetDecoder().decode(plain).groups)
    }

    @Test("a 4.0 body is inflated as its chunks are read: the first chunk comes while most of the body is still compressed")
    func chunksInflatedAsRead() throws {
        let chains = InterleavedChains(count: ChainHasher.threadedFrom + 2_500, seed: 17)
        let body = try ChunkedBodyEncoder.encode(chains.groups, createdAt: chains.header.createdAt)
        let reader = try InflatingReader(try Zlib.compress(body), limit: body.count, hashing: [])
        let decoder = ChunkedBodyDecoder(limits: .standard, schema: .legalAdvice)
        var header = chains.header
        header.groupCount = chains.groups.count
        header.changeCount = chains.groups.reduce(0) { $0 + $1.fields.count }
        let firstChunk = Mutex<(groups: Int, inflated: Int)?>(nil)
        // Parts are delivered on this thread, as read: the reader is not shared.
        nonisolated(unsafe) let watched = reader
        let groups = try decoder.decode(reader, bodyCount: body.count, header: header) { part in
            let inflated = watched.inflated
            firstChunk.withLock { $0 = $0 ?? (part.count, inflated) }
        }
        #expect(groups.isEmpty, "delivered, not returned")
        let first = try #require(firstChunk.withLock { $0 })
        #expect(first.groups == ChunkedBodyEncoder.chunkLimit(0))
        #expect(first.inflated < body.count / 4, "\(first.inflated) of \(body.count) bytes inflated for the first chunk")
        var hash = SHA256()
        hash.update(data: body)
        try reader.finish(checksum: Array(hash.finalize()))
        #expect(reader.inflated == body.count)
    }

    @Test("groups built without their previous hashes read back chained the same across 4.0 chunk boundaries")
    func chainsAcrossChunks() throws {
        let chains = InterleavedChains(count: ChunkedBodyEncoder.chunkLimit(0) * 3 + 5, seed: 19)
        var seen: Set<String> = []
        let unchained = chains.groups.map { group in
            var group = group
            // Only each stream's first group keeps its previous hash: the rest are left to the reader.
            if !seen.insert("\(group.origin)/\(group.scope)").inserted { group.previousHash = nil }
            return group
        }
        let file = try ChangeSetEncoder.encode(header: chains.header, groups: unchained, version: .v4)
        #expect(try ChangeSetDecoder().decode(file).groups.map(\.chainHash) == chains.hashes)
        #expect(try Self.drain(try ChangeSetDecoder().stream(file)).groups.map(\.chainHash) == chains.hashes)
    }

    /// A big body, its checksum sound, whose group 2,500 names no previous hash and skips
    /// counters: a reader finds it only there, after handing over the parts before it.
    static func fileFailingLate() throws -> [UInt8] {
        let chains = InterleavedChains(count: ChainHasher.threadedFrom + 1_000, seed: 13)
        var groups = chains.groups
        groups[2_500].firstCounter += 100
        groups[2_500].previousHash = nil
        return try ChangeSetEncoder.encode(header: chains.header, groups: groups)
    }

    @Test("a body that turns out malformed far in fails from the stream, after parts, with decode's code")
    func lateFailureAfterParts() throws {
        let file = try Self.fileFailingLate()
        let decodeCode = Self.failure { () throws(WireError) in try ChangeSetDecoder().decode(file) }
        #expect(decodeCode == .malformed)
        let stream = try ChangeSetDecoder().stream(file)
        var received = 0
        let streamCode = Self.failure { () throws(WireError) in
            while let part = try stream.nextGroups() { received += part.count }
        }
        #expect(streamCode == decodeCode)
        #expect(received == 2 * ChainHasher.batchSize)
        // Asked again, it fails again: a retry that drains the stream sees the same fault.
        #expect(Self.failure { () throws(WireError) in try stream.nextGroups() } == decodeCode)
    }

    @Test("a replica applying a stream that fails far in keeps nothing, and reports the file's fault")
    func lateFailureAppliesNothing() throws {
        let directory = try TemporaryDirectory()
        let replica = try TestReplicas.make("target", number: 5, in: directory)
        let scopes = (1...4).map { ScopeID.community("c0\($0)") }
        let before = try replica.digest(scopes: scopes)
        do {
            try replica.apply(try ChangeSetDecoder().stream(try Self.fileFailingLate()))
            Issue.record("the apply went through")
        } catch let error as WireError {
            #expect(error.code == .malformed)
        }
        #expect(try replica.digest(scopes: scopes) == before)
        #expect(try replica.heldBackCount() == 0)
        #expect(try replica.setAsideCount() == 0)
    }

    /// The communities of ``writtenDay(in:)``.
    static let dayScopes = [ScopeID.community("c01"), ScopeID.community("c02")]

    /// A replica that wrote more visits than a thread is started for, in both communities,
    /// its delta from nothing and a header for a file of it.
    static func writtenDay(in directory: TemporaryDirectory) throws -> (writer: Replica, groups: [ChangeGroup], header: ChangeSetHeader) {
        let writer = try TestReplicas.make("writer", number: 1, in: directory)
        try writer.write { transaction in
            for index in 0..<(ChainHasher.threadedFrom + 500) {
                try transaction.insert(.visit, id: transaction.newRecordID(), fields: [
                    "community_id": .text(index % 2 == 0 ? "c01" : "c02"), "adviser_id": .text("a017"),
                    "date": .text("2026-11-26"), "hours": .real(Double(1 + index % 8)), "note": .text("走访第\(index)次"),
                ])
            }
        }
        let header = ChangeSetHeader(sender: writer.id, district: "浦东新区", scopes: dayScopes,
                                     vectors: try writer.vectors(scopes: dayScopes), schemaVersion: 1,
                                     createdAt: Timestamp(milliseconds: 1_795_000_000_000))
        return (writer, try writer.delta(for: ScopeVectors(), scopes: dayScopes), header)
    }

    @Test("a day's delta read as a stream ends a replica as the same file decoded whole")
    func streamAppliedAsDecoded() throws {
        let directory = try TemporaryDirectory()
        let scopes = Self.dayScopes
        let (writer, groups, header) = try Self.writtenDay(in: directory)
        let file = try ChangeSetEncoder.encode(header: header, groups: groups)
        let streamed = try TestReplicas.make("streamed", number: 2, in: directory)
        let decoded = try TestReplicas.make("decoded", number: 3, in: directory)
        let viaStream = try streamed.apply(try ChangeSetDecoder().stream(file))
        let viaDecode = try decoded.apply(try ChangeSetDecoder().decode(file).groups)
        #expect(groups.count > ChainHasher.threadedFrom)
        #expect(viaStream.appliedGroups == groups.count)
        #expect(viaStream == viaDecode)
        #expect(try streamed.digest(scopes: scopes) == writer.digest(scopes: scopes))
        #expect(try decoded.digest(scopes: scopes) == writer.digest(scopes: scopes))
    }

    @Test("a stream checked on a thread of its own sets aside what the schema or a screen refuses, as decoded groups do")
    func streamCheckedAsDecoded() throws {
        let directory = try TemporaryDirectory()
        let scopes = Self.dayScopes
        let (_, written, header) = try Self.writtenDay(in: directory)
        var groups = written
        // Every 97th group names a field a visit lacks; the reader chains the changed groups
        // afresh (each community's first keeps its previous hash).
        var seen: Set<ScopeID> = []
        for index in groups.indices {
            if index % 97 == 5 { groups[index].fields[0].field = "no_such_field" }
            if !seen.insert(groups[index].scope).inserted { groups[index].previousHash = nil }
        }
        let file = try ChangeSetEncoder.encode(header: header, groups: groups)
        // And a screen, as the hub's authority checks, refuses every 89th counter.
        let screen: (ChangeGroup) -> (code: String, reason: String)? = { group in
            group.firstCounter % 89 == 0 ? ("not_allowed", "refused by the test's screen") : nil
        }
        let streamed = try TestReplicas.make("streamed", number: 2, in: directory)
        let decoded = try TestReplicas.make("decoded", number: 3, in: directory)
        let viaStream = try streamed.apply(try ChangeSetDecoder().stream(file), screen: screen)
        let viaDecode = try decoded.apply(try ChangeSetDecoder().decode(file).groups, screen: screen)
        // Counted from the changes made above, not from what the replica reports.
        let refused = groups.indices.filter { $0 % 97 == 5 || groups[$0].firstCounter % 89 == 0 }.count
        #expect(refused > 150)
        #expect(viaStream.setAside.count == refused)
        #expect(viaStream.setAside.contains { $0.setAside?.code == "unknown_field" })
        #expect(viaStream.setAside.contains { $0.setAside?.code == "not_allowed" })
        #expect(viaStream == viaDecode)
        #expect(viaStream.appliedGroups + viaStream.setAside.count == groups.count)
        #expect(try streamed.digest(scopes: scopes) == decoded.digest(scopes: scopes))
        #expect(try streamed.setAsideCount() == viaStream.setAside.count)
    }
}
