import Crypto
import FaguDomain
import FaguModel
import FaguStore
import FaguTesting
@testable import FaguWire
import Foundation
import Testing

/// `protocol/vectors/`, found from this file's path.
private let vectorDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("protocol/vectors")

private let vectorNames: [String] = (try? FileManager.default.contentsOfDirectory(atPath: vectorDirectory.path))?
    .filter { $0.hasSuffix(".fagu") }.map { String($0.dropLast(5)) }.sorted() ?? []

@Suite("Protocol test vectors")
struct VectorTests {
    @Test("the vectors on disk are the ones the code builds (regenerate with tools/generate-vectors)")
    func vectorsAreCurrent() throws {
        if let target = ProcessInfo.processInfo.environment["FAGU_WRITE_VECTORS"] {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            for vector in try WireVectors.all() {
                try Data(vector.file).write(to: URL(fileURLWithPath: target).appendingPathComponent(vector.name + ".fagu"))
                try ChangeSetDescription.encoder.encode(vector.expectation)
                    .write(to: URL(fileURLWithPath: target).appendingPathComponent(vector.name + ".json"))
            }
        }
        let built = try WireVectors.all()
        #expect(Set(built.map(\.name)) == Set(vectorNames))
        for vector in built {
            let onDisk = [UInt8](try Data(contentsOf: vectorDirectory.appendingPathComponent(vector.name + ".fagu")))
            guard ChangeSetDecoder.isSealed(vector.file) else {
                #expect(onDisk == vector.file, "\(vector.name).fagu differs from what the code builds")
                continue
            }
            // Sealing is randomized: a sealed vector must open to what the code builds.
            #expect(onDisk.count == vector.file.count, "\(vector.name).fagu differs in size from what the code builds")
            if let decoded = vector.expectation.decoded, let key = vector.expectation.recipientPrivateKey {
                let opened = try ChangeSetDecoder().decode(onDisk, key: .init(rawRepresentation: bytes(hex: key)))
                #expect(ChangeSetDescription(opened) == decoded, "\(vector.name).fagu opens to other content than the code builds")
            }
        }
    }

    @Test("every vector decodes to its recorded content, or is refused with its recorded error", arguments: vectorNames)
    func vector(name: String) throws {
        let file = [UInt8](try Data(contentsOf: vectorDirectory.appendingPathComponent(name + ".fagu")))
        let expectation = try ChangeSetDescription.decoder.decode(
            WireVectors.Expectation.self, from: Data(contentsOf: vectorDirectory.appendingPathComponent(name + ".json")))
        let signer = try expectation.signerPublicKey.map { try Curve25519.Signing.PublicKey(rawRepresentation: bytes(hex: $0)) }
        let recipient = try expectation.recipientPrivateKey.map {
            try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: bytes(hex: $0))
        }
        func read() throws -> ChangeSet {
            if let signer { try ChangeSetSignature.verify(file, publicKey: signer) }
            return try ChangeSetDecoder().decode(file, key: recipient)
        }
        /// The file streamed (``ChangeSetDecoder/stream(_:key:)``): its groups as they come.
        func streamed() throws -> ChangeSet {
            let stream = try ChangeSetDecoder().stream(file, key: recipient)
            var groups: [ChangeGroup] = []
            while let part = try stream.nextGroups() { groups += part }
            var whole = stream.outline
            whole.groups = groups
            return whole
        }
        if let code = expectation.error {
            let error = #expect(throws: WireError.self) { try read() }
            #expect(error?.code.rawValue == code)
            if signer == nil {
                let streamedError = #expect(throws: WireError.self, "streamed, \(name) is refused as when read whole") { try streamed() }
                #expect(streamedError?.code.rawValue == code)
            }
            return
        }
        let decoded = try read()
        #expect(ChangeSetDescription(decoded) == expectation.decoded)
        #expect(ChangeSetDescription(try streamed()) == expectation.decoded, "streamed, \(name) gives the same content")
        let directory = try TemporaryDirectory()
        let replica = try TestReplicas.make("receiver", number: 42, in: directory)
        let report = try replica.apply(decoded.groups)
        #expect(report.heldBackGroups == expectation.heldBackOnEmptyReplica)
        #expect(report.missing.map(\.description) == expectation.missingOnEmptyReplica)
        #expect(report.appliedGroups + report.heldBackGroups == decoded.groups.count)
    }

    /// The valid 3.x and 4.x vectors, each named as its 2.x twin with `-v3` or `-v4` added
    /// (and `-chunked`, for one built in chunks by hand).
    static let columnarTwins = vectorNames.filter { $0.hasPrefix("valid-") && ($0.hasSuffix("-v3") || $0.hasSuffix("-v4")) }

    @Test("every valid 3.0 and 4.0 vector records, on disk, the same header, groups and outcome as its 2.0 twin",
          arguments: columnarTwins)
    func sameContentAsRowTwin(name: String) throws {
        // Read as JSON objects, not through the decoders: the 2.0 records predate the 3.0 layout.
        func recorded(_ name: String) throws -> [String: Any] {
            let data = try Data(contentsOf: vectorDirectory.appendingPathComponent(name + ".json"))
            return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
        let twin = String(name.dropLast(3)).replacingOccurrences(of: "-chunked", with: "")
        let columnar = try recorded(name), row = try recorded(twin)
        for key in ["held_back_on_empty_replica", "missing_on_empty_replica"] {
            #expect(columnar[key] != nil, "\(name) records no \(key)")
            #expect(columnar[key] as? NSObject == row[key] as? NSObject, "\(name): \(key)")
        }
        let columnarDecoded = try #require(columnar["decoded"] as? [String: Any])
        let rowDecoded = try #require(row["decoded"] as? [String: Any])
        for key in ["header", "groups", "changes", "signed"] {
            #expect(columnarDecoded[key] != nil, "\(name) records no \(key)")
            #expect(columnarDecoded[key] as? NSObject == rowDecoded[key] as? NSObject, "\(name): \(key)")
        }
        #expect((columnarDecoded["groups"] as? [Any]) != nil, "\(name) records no list of groups")
    }
}

/// The bytes of a hex string.
private func bytes(hex: String) -> [UInt8] {
    stride(from: 0, to: hex.count, by: 2).map { offset in
        let start = hex.index(hex.startIndex, offsetBy: offset)
        return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
    }
}
