import Crypto
import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import Foundation
import Testing

@Suite("The hub refuses, with nothing applied")
struct RefusalTests {
    /// Runs `file` into the hub and checks it is refused with `code` and changes nothing.
    func expectRefusal(_ district: District, _ file: [UInt8], _ code: SyncRefusal.Code,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try district.hubState()
        let refusal = #expect(throws: SyncRefusal.self, sourceLocation: sourceLocation) { try district.hub.receive(file) }
        #expect(refusal?.code == code, sourceLocation: sourceLocation)
        let after = try district.hubState()
        #expect(after.digest == before.digest && after.heldBack == before.heldBack, sourceLocation: sourceLocation)
        #expect(after.devices == before.devices, sourceLocation: sourceLocation)
    }

    /// Runs `file` from `device` through a round trip: it is accepted, nothing of it changes
    /// the hub's state, its group is set aside with `code` at the hub, and the device hears so.
    func expectSetAside(_ district: District, _ device: FieldReplica, _ file: [UInt8], _ code: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try district.hubState()
        let (receipt, reply) = try district.hub.exchange(file)
        #expect(receipt.report.setAside.map { $0.setAside?.code } == [code], sourceLocation: sourceLocation)
        #expect(try district.hubState().digest == before.digest, sourceLocation: sourceLocation)
        #expect(try district.hub.replica.setAsideEntries(origin: device.replica.id).map(\.code) == [code],
                sourceLocation: sourceLocation)
        _ = try device.accept(reply.file)
        #expect(try device.replica.setAsideEntries().map(\.code) == [code], sourceLocation: sourceLocation)
        // Acknowledged, so never sent again.
        #expect(try device.pendingChanges() == 0, sourceLocation: sourceLocation)
    }

    /// A device that has registered its key by one accepted exchange.
    func registered(_ district: District) throws -> (FieldReplica, Enrollment) {
        let (device, enrollment) = try district.enroll(.adviser, "a001", as: "a001")
        let request = try device.request()
        _ = try device.accept(district.hub.exchange(request.file).reply.file)
        #expect(try device.isRegistered())
        return (device, enrollment)
    }

    @Test("a device that is not enrolled")
    func unknownDevice() throws {
        let district = try District()
        let other = try District()
        let stranger = try other.join(.adviser, "a001", as: "a001")
        try stranger.logVisit("c01")
        try expectRefusal(district, try stranger.request().file, .unknownDevice)
    }

    @Test("a revoked device")
    func revokedDevice() throws {
        let district = try District()
        let (device, _) = try registered(district)
        try device.logVisit("c01")
        #expect(try district.hub.revoke("a001") == [device.replica.id])
        try expectRefusal(district, try device.request().file, .revokedDevice)
    }

    @Test("a bad signature: signed with another key, or tampered after signing")
    func badSignature() throws {
        let district = try District()
        let (device, _) = try registered(district)
        try device.logVisit("c01")
        let groups = try device.replica.delta(for: .init(), scopes: device.communityScopes)
        try expectRefusal(district, try craftFile(from: device, home: district.directory.file("a001"), groups: groups,
                                                  key: Curve25519.Signing.PrivateKey()), .badSignature)
        var tampered = try device.request().file
        tampered[tampered.count - 70] ^= 0x01
        try expectRefusal(district, tampered, .badSignature)
        var unsigned = try device.request().file
        unsigned = Array(unsigned.dropLast(64))
        unsigned[7] &= ~UInt8(2)
        try expectRefusal(district, unsigned, .badSignature)
    }

    @Test("a replayed token: the enrollment file used again on another machine")
    func replayedToken() throws {
        let district = try District()
        let (_, enrollment) = try registered(district)
        let thief = try FieldReplica.join(home: district.directory.file("thief"), enrollment: enrollment,
                                          configuration: District.configuration)
        try thief.logVisit("c01")
        try expectRefusal(district, try thief.request().file, .tokenReplayed)
    }

    @Test("a first file with a wrong token, or none")
    func badToken() throws {
        let district = try District()
        let device = try district.join(.adviser, "a001", as: "a001")
        try device.logVisit("c01")
        let groups = try device.replica.delta(for: .init(), scopes: device.communityScopes)
        let home = district.directory.file("a001")
        try expectRefusal(district, try craftFile(from: device, home: home, groups: groups, token: "guessed"), .badToken)
        try expectRefusal(district, try craftFile(from: device, home: home, groups: groups), .badToken)
    }

    @Test("changes in a community the sender does not serve are set aside, the rest applied")
    func outsideScope() throws {
        let district = try District()
        let (device, _) = try registered(district)
        try device.logVisit("c03")   // written locally: the device's replica does not police scopes
        try expectSetAside(district, device, try device.request().file, "outside_scope")
    }

    @Test("roster writes from anyone but the hub are set aside")
    func rosterWrite() throws {
        let district = try District()
        let (device, _) = try registered(district)
        try device.replica.write { try $0.update(.adviser, id: .code("a001"), fields: ["phone": .text("13999999999")]) }
        let groups = try device.replica.delta(for: district.hub.replica.vectors(), scopes: [.roster])
        #expect(groups.count == 1)
        let before = try district.hubState()
        let receipt = try district.hub.receive(try craftFile(from: device, home: district.directory.file("a001"), groups: groups))
        #expect(receipt.report.setAside.map { $0.setAside?.code } == ["roster_write"])
        #expect(try district.hubState().digest == before.digest)
    }

    @Test("a file for another district, and a damaged file")
    func wrongDistrictAndDamage() throws {
        let district = try District()
        let (device, _) = try registered(district)
        try device.logVisit("c01")
        let groups = try device.replica.delta(for: .init(), scopes: device.communityScopes)
        try expectRefusal(district, try craftFile(from: device, home: district.directory.file("a001"), district: "黄浦区",
                                                  groups: groups), .wrongDistrict)
        try expectRefusal(district, Array(try device.request().file.prefix(40)), .badFile)
    }

    @Test("a device refuses a reply not signed by its hub")
    func deviceRefusesForeignReply() throws {
        let district = try District()
        let (device, _) = try registered(district)
        let other = try District()
        let foreign = try other.join(.adviser, "a001", as: "a001")
        _ = try other.hub.exchange(try foreign.request().file)   // its first file names its key
        let reply = try other.hub.reply(to: try #require(try other.hub.replica.device(foreign.replica.id)), holding: .init())
        let digest = try device.digest()
        let refusal = #expect(throws: SyncRefusal.self) { try device.accept(reply.file) }
        #expect(refusal?.code == .wrongSender)
        #expect(try device.digest() == digest)
    }
}

@Suite("Authorship and registration")
struct AuthorshipTests {
    @Test("an adviser's device may not log work for another adviser: set aside")
    func wrongAdviser() throws {
        let district = try District()
        let device = try district.join(.adviser, "a001", as: "a001")
        try device.replica.write { transaction in
            try transaction.insert(Visit(id: transaction.newRecordID(), communityID: "c01", adviserID: "a002",
                                         date: District.today, hours: 6))
        }
        try RefusalTests().expectSetAside(district, device, try device.request().file, "wrong_author")
    }

    @Test("the nightly merge writes no reply to a device that has sent nothing (no key to seal it to); after its first file it does, and the device registers")
    func noReplyBeforeFirstFile() throws {
        let district = try District()
        let device = try district.join(.adviser, "a001", as: "a001")
        let outbox = district.directory.file("outbox"), inbox = district.directory.file("inbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        let first = try NightlyMerge(hub: district.hub, inbox: inbox, outbox: outbox).run(day: "20261126")
        #expect(first.replies.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: outbox + "/a001-20261126.fagu"))
        #expect(try !device.isRegistered())
        try device.logVisit("c01")
        _ = try device.export(to: inbox + "/a001-out.fagu")
        let merged = try NightlyMerge(hub: district.hub, inbox: inbox, outbox: outbox).run(day: "20261127")
        #expect(merged.inbox.map(\.applied) == [true])
        _ = try device.importReply(from: outbox + "/a001-20261127.fagu")
        #expect(try device.isRegistered())
    }

    @Test("export never overwrites a file already there")
    func exportDoesNotOverwrite() throws {
        let district = try District()
        let device = try district.join(.adviser, "a001", as: "a001")
        let path = district.directory.file("reply.fagu")
        try Data("a reply not yet imported".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: SyncFailure.self) { try device.export(to: path) }
        #expect(String(decoding: FileManager.default.contents(atPath: path)!, as: UTF8.self) == "a reply not yet imported")
    }
}

@Suite("Received changes obey the write path's rules")
struct ImmutableFieldTests {
    @Test("a received change to a field fixed at creation (a case note's case) is set aside, nothing applied")
    func immutableFieldIsRefused() throws {
        let district = try District()
        let device = try district.join(.adviser, "a001", as: "a001")
        let noteID = try device.replica.write { transaction in
            try transaction.insert(CaseNote(id: transaction.newRecordID(), communityID: "c01", adviserID: "a001",
                                            date: District.today, caseID: "01a21aee-a018-7fb4-b12f-1002bca6e865", note: "初次接待"))
        }
        _ = try device.accept(district.hub.exchange(device.request().file).reply.file)
        let vector = try device.replica.vectors(scopes: [.community("c01")])[.community("c01")]
        let forged = ChangeGroup(origin: device.replica.id, scope: .community("c01"), kind: .caseNote, record: noteID,
                                 firstCounter: vector[device.replica.id] + 1, time: device.replica.now(), author: "a001",
                                 fields: [FieldChange(field: "case_id", value: .text("01a21aee-0000-7000-8000-000000000000"))],
                                 previousHash: try device.replica.chainHeads(of: device.replica.id,
                                                                             scopes: [.community("c01")])[.community("c01")]?.hash)
        let before = try district.hubState()
        let receipt = try district.hub.receive(try craftFile(from: device, home: district.directory.file("a001"), groups: [forged]))
        #expect(receipt.report.setAside.map { $0.setAside?.code } == ["immutable_field"])
        #expect(try district.hubState().digest == before.digest)
    }
}
