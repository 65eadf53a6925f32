import FaguDomain
import FaguModel
import FaguStore
import FaguTesting
@testable import FaguWire
import Foundation
import Testing

@Suite("Change sets round trip")
struct RoundTripTests {
    @Test("for the core's property workloads, encode → decode gives the same changes, and applying them gives the same digest",
          arguments: (1...60).map { (ChangeSetVersion.v3, UInt64($0)) } + (1...20).map { (ChangeSetVersion.v2, UInt64($0)) })
    func roundTrips(version: ChangeSetVersion, seed: UInt64) throws {
        var schedule = try RandomSchedule(seed: seed)
        try schedule.run(exchangeFully: false)
        let directory = try TemporaryDirectory()
        for (index, replica) in schedule.replicas.enumerated() {
            let groups = try replica.delta(for: ScopeVectors(), scopes: schedule.scopes)
            let header = ChangeSetHeader(sender: replica.id, district: "浦东新区", scopes: schedule.scopes,
                                         vectors: try replica.vectors(scopes: schedule.scopes), schemaVersion: 1,
                                         createdAt: Timestamp(milliseconds: 1_795_000_000_000))
            let file = try ChangeSetEncoder.encode(header: header, groups: groups, version: version)
            let decoded = try ChangeSetDecoder().decode(file)
            #expect(decoded.majorVersion == version.major)
            #expect(decoded.groups == groups)
            #expect(decoded.header.vectors == header.vectors)
            #expect(decoded.header.changeCount == groups.reduce(0) { $0 + $1.fields.count })
            let fresh = try TestReplicas.make("fresh\(index)", number: 9, in: directory)
            try fresh.apply(decoded.groups)
            #expect(try fresh.digest(scopes: schedule.scopes) == replica.digest(scopes: schedule.scopes))
        }
    }

    @Test("a body too big to hash inline gets every previous and chain hash right, its streams interleaved")
    func chainsOfABigBody() throws {
        // Twelve streams, round robin; the first starts past counter 1 with a hash held elsewhere.
        let count = ChainHasher.threadedFrom + 3_000
        let chains = InterleavedChains(count: count, seed: 5, heldElsewhere: true)
        let (groups, hashes) = (chains.groups, chains.hashes)
        let decoded = try ChangeSetDecoder().decode(try chains.file()).groups
        #expect(decoded.count == count)
        #expect(decoded.map(\.previousHash) == groups.map(\.previousHash))
        #expect(decoded.map(\.chainHash) == hashes)
        #expect(decoded == groups)
    }

    @Test("an empty change set (a replica announcing its vectors) round trips", arguments: ChangeSetVersion.allCases)
    func emptySet(version: ChangeSetVersion) throws {
        let header = ChangeSetHeader(sender: TestReplicas.id(1), district: "崇明区", scopes: [.community("c01")],
                                     vectors: ScopeVectors([.community("c01"): VersionVector([TestReplicas.id(2): 7])]),
                                     schemaVersion: 1, createdAt: Timestamp(milliseconds: 0))
        let decoded = try ChangeSetDecoder().decode(try ChangeSetEncoder.encode(header: header, groups: [], version: version))
        #expect(decoded.groups.isEmpty)
        #expect(decoded.header.vectors == header.vectors)
        #expect(decoded.header.district == "崇明区")
    }
}

@Suite("Hostile input")
struct HostileInputTests {
    @Test("a body that inflates past its declared size is refused when it gets there, not after")
    func lyingBomb() throws {
        let file = try WireVectors.lyingBomb(inflatedBytes: 20 << 20, declaredBytes: 4_096)
        #expect(file.count < 40_000)
        let error = #expect(throws: WireError.self) { try ChangeSetDecoder().decode(file) }
        #expect(error?.code == .tooLarge)
    }

    @Test("every prefix of a valid file is refused as truncated, never a crash", arguments: ChangeSetVersion.allCases)
    func everyPrefixIsRefused(version: ChangeSetVersion) throws {
        let file = try WireVectors.small(version: version)
        for length in 0..<file.count {
            let error = #expect(throws: WireError.self) { try ChangeSetDecoder().decode(Array(file[0..<length])) }
            #expect(error?.code == .truncated, "prefix of \(length) bytes gave \(String(describing: error))")
        }
    }

    @Test("flipping any single bit of a valid file never decodes different content", arguments: ChangeSetVersion.allCases)
    func bitFlips(version: ChangeSetVersion) throws {
        let file = try WireVectors.small(version: version)
        let original = try ChangeSetDecoder().decode(file)
        for index in file.indices {
            for bit in 0..<8 {
                var damaged = file
                damaged[index] ^= 1 << bit
                // Refused, or — for the minor version, reserved flag bits and deflate's padding
                // bits, which SPEC.md and RFC 1951 leave unread — exactly the same content. A
                // major version flipped between 2 and 3 reads the body as the other layout,
                // whose field numbers it shares none of: no groups, so it is refused.
                if let decoded = try? ChangeSetDecoder().decode(damaged) {
                    #expect(decoded == original, "flip at \(index).\(bit) decoded different content")
                }
            }
        }
    }
}
