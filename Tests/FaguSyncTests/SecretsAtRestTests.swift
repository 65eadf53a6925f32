import Crypto
import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import FaguWire
import Foundation
import Testing

@Suite("Secrets and personal data at rest")
struct SecretsAtRestTests {
    /// The permission bits of `path`, as `stat` reports them.
    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) & 0o777
    }

    @Test("homes are 0700; keys, replicas, enrollment files, exports and replies are 0600")
    func modes() async throws {
        let district = try District()
        let hubHome = district.directory.file("hub")
        let (device, enrollment) = try district.enroll(.adviser, "a001", as: "a001")
        let home = district.directory.file("a001")
        let enrollmentFile = district.directory.file("a001.enroll")
        try enrollment.write(to: enrollmentFile)
        try device.logVisit("c01")
        let export = district.directory.file("a001-out.fagu")
        _ = try device.export(to: export)
        let inbox = district.directory.file("inbox"), outbox = district.directory.file("outbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: export, toPath: inbox + "/a001-out.fagu")
        _ = try NightlyMerge(hub: district.hub, inbox: inbox, outbox: outbox).run(day: "20261127")

        for folder in [hubHome, home, outbox, inbox + "/applied"] {
            #expect(try mode(folder) == 0o700, "\(folder)")
        }
        var files = [Hub.keyPath(home: hubHome), Hub.replicaPath(home: hubHome), FieldReplica.keyPath(home: home),
                     FieldReplica.replicaPath(home: home), enrollmentFile, export, outbox + "/a001-20261127.fagu"]
        files += [FieldReplica.replicaPath(home: home) + "-wal", Hub.replicaPath(home: hubHome) + "-wal"]
            .filter { FileManager.default.fileExists(atPath: $0) }
        for file in files {
            #expect(try mode(file) == 0o600, "\(file)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox).allSatisfy { !$0.hasSuffix(".partial") })
    }
}

@Suite("Every change-set file is sealed to its recipient")
struct SealedFileTests {
    @Test("a reply on disk opens only with its device's key; the device's file for the hub only with the hub's")
    func replyNeedsDeviceKey() throws {
        let district = try District()
        let device = try district.join(.adviser, "a001", as: "a001")
        let other = try district.join(.adviser, "a002", as: "a002")
        let inbox = district.directory.file("inbox"), outbox = district.directory.file("outbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        let secret = "当事人王某某身份证号310115199001011234"
        try device.logVisit("c01", note: secret)
        _ = try device.export(to: inbox + "/a001.fagu")
        let request = [UInt8](try #require(FileManager.default.contents(atPath: inbox + "/a001.fagu")))
        let unopened = #expect(throws: WireError.self) { try ChangeSetDecoder().decode(request) }
        #expect(unopened?.code == .keyRequired)
        #expect(!request.containsBytes(Array(secret.utf8)))
        // The note is in the file all the same: the hub's key opens it.
        let hubKey = SealingKey.derived(from: try SigningKeyFile.read(at: Hub.keyPath(home: district.directory.file("hub"))))
        let forHub = try ChangeSetDecoder().decode(request, key: hubKey)
        #expect(forHub.groups.contains { $0.fields.contains { $0.value == .text(secret) } })
        // The header still routes: who sent it, for which district.
        #expect(try ChangeSetDecoder().decodeHeader(request).sender == device.replica.id)

        _ = try NightlyMerge(hub: district.hub, inbox: inbox, outbox: outbox).run(day: "20261127")
        _ = try other.export(to: inbox + "/a002.fagu")
        _ = try NightlyMerge(hub: district.hub, inbox: inbox, outbox: outbox).run(day: "20261128")
        let reply = [UInt8](try #require(FileManager.default.contents(atPath: outbox + "/a001-20261128.fagu")))
        #expect(reply.count > 0)
        let noKey = #expect(throws: WireError.self) { try ChangeSetDecoder().decode(reply) }
        #expect(noKey?.code == .keyRequired)
        let otherKey = SealingKey.derived(from: try SigningKeyFile.read(at: FieldReplica.keyPath(home: district.directory.file("a002"))))
        let wrongKey = #expect(throws: WireError.self) { try ChangeSetDecoder().decode(reply, key: otherKey) }
        #expect(wrongKey?.code == .cannotDecrypt)
        #expect(throws: WireError.self) { try ChangeSetDecoder().decode(reply, key: hubKey) }
        let ownKey = SealingKey.derived(from: try SigningKeyFile.read(at: FieldReplica.keyPath(home: district.directory.file("a001"))))
        let opened = try ChangeSetDecoder().decode(reply, key: ownKey)
        #expect(opened.sealed)
        // The device imports it.
        _ = try device.importReply(from: outbox + "/a001-20261128.fagu")
        #expect(try device.hubVectors() == district.hub.replica.vectors(scopes: device.hubVectors().scopes))
    }

    @Test("an unsealed request is refused not_sealed, one sealed to another hub cannot_decrypt; nothing applied")
    func unsealedRequestsAreRefused() throws {
        let district = try District()
        let device = try district.join(.adviser, "a001", as: "a001")
        _ = try district.hub.exchange(try device.request().file)
        try device.logVisit("c01")
        let groups = try device.replica.delta(for: try device.hubVectors(), scopes: device.communityScopes)
        let before = try district.hubState()
        let plain = try craftFile(from: device, home: district.directory.file("a001"), groups: groups, requestNumber: 5, sealed: false)
        let refusal = #expect(throws: SyncRefusal.self) { try district.hub.receive(plain) }
        #expect(refusal?.code == .notSealed)

        // Sealed to another district's hub: signed by the right device, unreadable here.
        let elsewhere = try District()
        var file = try ChangeSetEncoder.encode(header: try ChangeSetDecoder().decodeHeader(plain), groups: groups)
        file = try ChangeSetSealing.seal(file, to: Curve25519.KeyAgreement.PublicKey(rawRepresentation: elsewhere.hub.encryptionKey))
        file = try ChangeSetSignature.sign(file, with: SigningKeyFile.read(at: FieldReplica.keyPath(home: district.directory.file("a001"))))
        let foreign = #expect(throws: SyncRefusal.self) { try district.hub.receive(file) }
        #expect(foreign?.code == .cannotDecrypt)
        #expect(try district.hubState() == before)
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs in these bytes.
    func containsBytes(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return false }
        return (0...(count - needle.count)).contains { start in self[start..<start + needle.count].elementsEqual(needle) }
    }
}
