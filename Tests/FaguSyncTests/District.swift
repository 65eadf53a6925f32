import Crypto
import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import FaguWire
import Foundation
import Testing

typealias District = TestDistrict

/// A transport straight into a hub in the same process, with faults on request.
struct InProcessTransport: SyncTransport {
    enum Fault: Sendable { case none, beforeSending, afterHubApplied }
    let hub: Hub
    var fault: Fault = .none
    var peerDescription: String { "in-process hub" }

    struct Cut: Error {}

    func exchange(_ request: [UInt8]) async throws -> [UInt8] {
        if fault == .beforeSending { throw Cut() }
        let result = try hub.exchange(request)
        if fault == .afterHubApplied { throw Cut() }
        return result.reply.file
    }
}

/// Seals `groups` to the device's hub and signs them as `sender` with the key in `home`, as a
/// device would (for forged files); `sealed: false` leaves the body readable.
func craftFile(from device: FieldReplica, home: String, district: String = "浦东新区", groups: [ChangeGroup],
               key: Curve25519.Signing.PrivateKey? = nil, token: String? = nil, requestNumber: UInt64 = 1,
               sealed: Bool = true) throws -> [UInt8] {
    let signer = try key ?? SigningKeyFile.read(at: FieldReplica.keyPath(home: home))
    let header = ChangeSetHeader(sender: device.replica.id, district: district, scopes: try device.scopes,
                                 vectors: try device.replica.vectors(scopes: try device.scopes), schemaVersion: ReplicaSchema.version,
                                 createdAt: device.replica.now(),
                                 publicKey: token == nil ? nil : Array(signer.publicKey.rawRepresentation),
                                 enrollmentToken: token, requestNumber: requestNumber,
                                 encryptionKey: Array(SealingKey.derived(from: signer).publicKey.rawRepresentation))
    var file = try ChangeSetEncoder.encode(header: header, groups: groups)
    if sealed {
        let hubKey = try #require(try device.replica.metadata("hub_encryption_key").flatMap(Hex.decode))
        file = try ChangeSetSealing.seal(file, to: Curve25519.KeyAgreement.PublicKey(rawRepresentation: hubKey))
    }
    return try ChangeSetSignature.sign(file, with: signer)
}
