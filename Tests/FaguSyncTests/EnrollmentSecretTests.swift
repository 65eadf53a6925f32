import Crypto
import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Foundation
import Testing

@Suite("What the hub stores cannot enroll a device")
struct EnrollmentSecretTests {
    @Test("a copy of hub.sqlite gives only a verifier: no proof made from it is accepted; the real token still is")
    func copiedHubDatabase() async throws {
        let district = try District()
        let (device, _) = try district.enroll(.adviser, "a001", as: "a001")
        try device.logVisit("c01")
        // Everything the hub keeps about the device, read from a copy of its database.
        let hubFile = Hub.replicaPath(home: district.directory.file("hub"))
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: hubFile + suffix) {
            try FileManager.default.copyItem(atPath: hubFile + suffix, toPath: district.directory.file("stolen.sqlite") + suffix)
        }
        let stolen = try Replica.open(at: district.directory.file("stolen.sqlite"))
        let row = try #require(try stolen.device(device.replica.id))
        let attacker = Curve25519.Signing.PrivateKey()
        let attempts = [
            Hex.encode(Array(HMAC<SHA256>.authenticationCode(for: Array(attacker.publicKey.rawRepresentation) + device.replica.id.bytes,
                                                             using: SymmetricKey(data: row.tokenVerifier)))),
            EnrollmentProof.make(token: Hex.encode(row.tokenVerifier), publicKey: Array(attacker.publicKey.rawRepresentation),
                                 replica: device.replica.id),
            Hex.encode(row.tokenVerifier + row.tokenVerifier),
        ]
        let groups = try device.replica.delta(for: .init(), scopes: [.community("c01")])
        for proof in attempts {
            let refusal = #expect(throws: SyncRefusal.self) {
                try district.hub.receive(try craftFile(from: device, home: district.directory.file("a001"), groups: groups,
                                                       key: attacker, token: proof))
            }
            #expect(refusal?.code == .badToken)
        }
        #expect(try district.hub.replica.device(device.replica.id)?.publicKey == nil, "nothing registered")
        _ = try await device.sync(over: InProcessTransport(hub: district.hub))
        #expect(try device.isRegistered())
    }

    @Test("an enrollment file past its days is refused, with a message saying to issue a new one")
    func expiredToken() async throws {
        let clock = CalendarClock(day: "2026-11-01")
        let district = try District(clock: clock)
        let enrollment = try district.hub.enroll(.adviser, subject: "a001", hubURL: "", today: "2026-11-01", validDays: 3)
        let device = try FieldReplica.join(home: district.directory.file("late"), enrollment: enrollment,
                                           configuration: district.configuration)
        clock.set(day: "2026-11-05")
        let refusal = await #expect(throws: SyncRefusal.self) { try await device.sync(over: InProcessTransport(hub: district.hub)) }
        #expect(refusal?.code == .badToken)
        #expect(refusal?.message.contains("expired on 2026-11-04") == true)
        #expect(throws: SyncFailure.self) { try district.hub.enroll(.adviser, subject: "a001", hubURL: "", today: "2026-11-05", validDays: 0) }
    }
}
