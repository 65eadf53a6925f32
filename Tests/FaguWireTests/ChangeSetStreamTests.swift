import Crypto
import FaguDomain
import FaguModel
import FaguTesting
@testable import FaguWire
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
          arguments: [(100, ChangeSetVersion.v3), (ChainHasher.threadedFrom + 2_500, .v3), (ChainHasher.threadedFrom + 100, .v2)])
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
        #expect(parts == (count + ChainHasher.batchSize - 1) / ChainHasher.batchSize)
        // After the end it stays at the end.
        #expect(try stream.nextGroups() == nil)
    }

    @Test("a damaged or wrongly keyed file fails from the stream with decode's code, before or after parts",
          arguments: [100, ChainHasher.threadedFrom + 1_000])
    func sameRefusalsAsDecode(count: Int) throws {
        let plain = try Self.file(groups: count)
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
}
