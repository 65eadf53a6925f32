import Crypto
import FaguDomain
import FaguModel
import FaguStore
import FaguWire
import Foundation

/// The district hub: a replica of the whole district, the one writer of the roster, and the
/// authority that decides which device may send what.
///
/// Every file a device sends goes through ``receive(_:)``: the header is read, the sender
/// looked up and its signature verified before the body is inflated, every change is checked
/// against the sender's scopes, and only then is the file applied, in one transaction.
public final class Hub: Sendable {
    /// The hub's replica.
    public let replica: Replica
    /// The district it serves.
    public let district: String
    /// Its Ed25519 public key.
    public let publicKey: [UInt8]
    /// Its X25519 public key, to which devices seal their files (derived from its key file).
    public let encryptionKey: [UInt8]
    /// At most this many groups in one reply (a page); the device asks again for more.
    public let pageLimit: Int
    private let privateKey: [UInt8]
    private let limits: ChangeSetLimits

    /// The replica file in a hub home.
    public static func replicaPath(home: String) -> String { home + "/hub.sqlite" }
    /// The private key file in a hub home.
    public static func keyPath(home: String) -> String { home + "/hub.key" }

    private init(replica: Replica, district: String, key: Curve25519.Signing.PrivateKey, pageLimit: Int,
                 limits: ChangeSetLimits) {
        self.replica = replica
        self.district = district
        self.privateKey = Array(key.rawRepresentation)
        self.publicKey = Array(key.publicKey.rawRepresentation)
        self.encryptionKey = Array(SealingKey.derived(from: key).publicKey.rawRepresentation)
        self.pageLimit = pageLimit
        self.limits = limits
    }

    /// Creates a hub home: the district replica and the hub's key pair.
    ///
    /// - Throws: ``SyncFailure`` when `home` already holds a hub, or the district is empty.
    /// - Parameter schema: The record kinds kept (the legal-advice schema; another only in tests
    ///   of how versions with grown schemas meet).
    public static func create(home: String, district: String,
                              configuration: ReplicaConfiguration = ReplicaConfiguration(),
                              schema: Schema = .legalAdvice) throws -> Hub {
        let district = district.trimmingCharacters(in: .whitespaces)
        guard !district.isEmpty else { throw SyncFailure("the district name is empty") }
        guard !FileManager.default.fileExists(atPath: replicaPath(home: home)) else {
            throw SyncFailure(.hubExists, subject: home, "\(home) already holds a hub")
        }
        try AtomicFile.createPrivateFolder(home)
        let key = try SigningKeyFile.create(at: keyPath(home: home))
        let replica = try Replica.create(at: replicaPath(home: home), id: .random(), author: "hub",
                                         schema: schema, configuration: configuration)
        try replica.setMetadata(["role": "hub", "district": district, "authority": replica.id.description])
        return Hub(replica: replica, district: district, key: key, pageLimit: 2_000, limits: .standard)
    }

    /// Opens the hub in `home`.
    ///
    /// - Parameters:
    ///   - pageLimit: At most this many groups per reply.
    ///   - schema: The record kinds kept (see ``create(home:district:configuration:schema:)``).
    public static func open(home: String, configuration: ReplicaConfiguration = ReplicaConfiguration(),
                            pageLimit: Int = 2_000, limits: ChangeSetLimits = .standard,
                            schema: Schema = .legalAdvice) throws -> Hub {
        guard FileManager.default.fileExists(atPath: replicaPath(home: home)) else {
            throw SyncFailure(.noHub, subject: home, "no hub in \(home); run `fagu-hub init --district NAME` first")
        }
        let replica = try Replica.open(at: replicaPath(home: home), schema: schema, configuration: configuration)
        guard try replica.metadata("role") == "hub", let district = try replica.metadata("district") else {
            throw SyncFailure("\(home) does not hold a hub replica")
        }
        let key = try SigningKeyFile.read(at: keyPath(home: home))
        return Hub(replica: replica, district: district, key: key, pageLimit: max(pageLimit, 1), limits: limits)
    }

    private var signingKey: Curve25519.Signing.PrivateKey {
        // The stored bytes came from a valid key.
        try! Curve25519.Signing.PrivateKey(rawRepresentation: privateKey)
    }

    /// How far beyond the hub's clock a device's write time may be before the hub orders
    /// the write by its own receipt time instead: 10 minutes, more than a device clock set by
    /// hand drifts between syncs, far less than a wrong day or year.
    public static let clockTolerance: Int64 = 10 * 60_000

    // MARK: Enrollment

    /// How many days an enrollment file's token is accepted by default: 14, time enough to
    /// carry it to a village and sync once, short enough that a lost file soon goes stale.
    public static let defaultTokenDays = 14

    /// Enrolls a new device for an adviser or a community office and returns its file.
    ///
    /// An adviser's device sees the communities the adviser serves on `today` (by the
    /// roster's appointments); an office's device sees its community. Both read the roster.
    /// - Throws: ``SyncFailure`` when the subject is not on the roster, or an adviser serves
    ///   no community.
    ///
    /// - Parameter validDays: How many days the file's one-time token is accepted
    ///   (``defaultTokenDays`` unless told); once the device has registered, it no longer matters.
    public func enroll(_ role: DeviceRole, subject: String, hubURL: String, today: String,
                       validDays: Int = Hub.defaultTokenDays) throws -> Enrollment {
        guard validDays >= 1 else { throw SyncFailure("an enrollment file must be valid for at least one day") }
        let scopes: [ScopeID]
        switch role {
        case .adviser:
            guard try replica.record(.adviser, id: .code(subject)) != nil else {
                throw SyncFailure("adviser \(subject) is not on the roster; import it first (fagu-hub roster import)")
            }
            let served = AppointmentGrace.communities(of: subject, on: today, appointments: try appointments(of: subject))
                .map(ScopeID.community)
            guard !served.isEmpty else {
                throw SyncFailure("adviser \(subject) has no current appointment, so no community to sync")
            }
            scopes = served.sorted() + [.roster]
        case .office:
            guard try replica.record(.community, id: .code(subject)) != nil else {
                throw SyncFailure("community \(subject) is not on the roster; import it first (fagu-hub roster import)")
            }
            scopes = [.community(subject), .roster]
        }
        let id = ReplicaID.random()
        var random = SystemRandomNumberGenerator()
        let token = Hex.encode((0..<24).map { _ in UInt8.random(in: 0...255, using: &random) })
        let now = replica.now()
        try replica.enroll(EnrolledDevice(id: id, role: role, subject: subject, scopes: scopes,
                                          tokenVerifier: EnrollmentProof.verifier(token: token, replica: id),
                                          tokenExpiresAt: Timestamp(milliseconds: now.milliseconds + Int64(validDays) * 86_400_000),
                                          enrolledAt: now))
        return Enrollment(district: district, hubURL: hubURL, hubReplica: replica.id, hubPublicKey: publicKey,
                          hubEncryptionKey: encryptionKey, replica: id, role: role, subject: subject, scopes: scopes, token: token, issuedAt: now)
    }

    /// Revokes the device `target` names: a replica id, or every device of an adviser or
    /// community code.
    ///
    /// - Returns: The devices revoked now.
    /// - Throws: ``SyncFailure`` when nothing matches.
    public func revoke(_ target: String) throws -> [ReplicaID] {
        let matching = try replica.devices().filter { $0.id.description == target.lowercased() || $0.subject == target }
        guard !matching.isEmpty else { throw SyncFailure("no enrolled device is \(target)") }
        let now = replica.now()
        return try matching.filter { try replica.revoke($0.id, at: now) }.map(\.id)
    }

    // MARK: Receiving

    /// Checks and applies one file from a device, or refuses it with nothing applied.
    public func receive(_ file: [UInt8]) throws(SyncRefusal) -> HubReceipt {
        let decoder = ChangeSetDecoder(limits: limits, schema: replica.schema)
        let header: ChangeSetHeader
        do { header = try decoder.decodeHeader(file) } catch { throw SyncRefusal(error) }
        guard header.district == district else {
            throw SyncRefusal(.wrongDistrict, "the file is for district \(header.district), this hub serves \(district)")
        }
        let device: EnrolledDevice
        do {
            guard let found = try replica.device(header.sender) else {
                throw SyncRefusal(.unknownDevice, "device \(header.sender) is not enrolled at this hub")
            }
            device = found
        } catch let refusal as SyncRefusal { throw refusal } catch { throw SyncRefusal(.hubFailure, "the hub cannot read its device list now: \(error)") }
        guard device.revokedAt == nil else {
            throw SyncRefusal(.revokedDevice, "device \(device.id) (\(device.subject)) was revoked")
        }
        let key = try keyToVerify(device, header)
        do {
            try ChangeSetSignature.verify(file, publicKey: Curve25519.Signing.PublicKey(rawRepresentation: key))
        } catch let error as WireError {
            throw SyncRefusal(error)
        } catch {
            throw SyncRefusal(.badSignature, "the key offered is not an Ed25519 public key")
        }
        guard ChangeSetDecoder.isSealed(file) else {
            throw SyncRefusal(.notSealed, "the file is not sealed to the hub; every file must be (upgrade Fagu on the device)")
        }
        let set: ChangeSet
        do { set = try decoder.decode(file, key: SealingKey.derived(from: signingKey)) } catch { throw SyncRefusal(error) }
        guard let replyKey = set.header.encryptionKey else {
            throw SyncRefusal(.badFile, "the request names no key to seal its reply to")
        }
        for group in set.groups where group.origin != device.id {
            throw SyncRefusal(.forwardedChanges, "the file carries changes written by \(group.origin), not by its sender")
        }
        let scopes: [ScopeID]
        let appointments: [Appointment]
        do {
            // An adviser's own appointments, or those of an office's community.
            appointments = try replica.typedRecords(Appointment.self, where: device.role == .adviser ? "adviser_id" : "community_id",
                                                    is: .text(device.subject))
            scopes = currentScopes(of: device, appointments: appointments)
        } catch {
            throw SyncRefusal(.hubFailure, "the hub cannot read its roster now: \(error)")
        }
        // What the device holds of every scope it reports, and of every scope it may hold now.
        var vectors = ScopeVectors()
        for scope in Set(header.vectors.scopes + scopes) {
            vectors[scope] = header.vectors[scope]
        }
        try checkNotBehind(device, reported: vectors, writtenAt: header.createdAt)
        let authority = WriteAuthority(device: device, appointments: appointments)
        let (groups, clockAheadBy) = clamped(set.groups, receivedAt: replica.now())
        do {
            let report = try replica.apply(groups, fromDevice: device.id,
                                           registeringKey: device.publicKey == nil ? key : nil, reportedVectors: vectors,
                                           acknowledged: header.acknowledged, writtenAt: header.createdAt,
                                           requestNumber: header.requestNumber, encryptionKey: replyKey,
                                           formatMajor: set.majorVersion, clockAheadBy: clockAheadBy, screen: authority.refusal(of:))
            var current = device
            current.publicKey = key
            current.acknowledged = header.acknowledged
            if !report.replayed {
                current.encryptionKey = replyKey
                current.formatMajor = set.majorVersion
            }
            return HubReceipt(device: current, scopes: scopes, vectors: vectors, report: report, registered: device.publicKey == nil,
                              receivedChanges: set.groups.reduce(0) { $0 + $1.fields.count })
        } catch let error as ReplicaError where error.code == .replicaForked {
            throw forked(device, scope: error.scope, counter: error.dot?.counter ?? 0, detail: error.message)
        } catch let error as ReplicaError {
            throw SyncRefusal(error)
        } catch {
            throw SyncRefusal(.hubFailure, "the hub could not apply the file now (\(error)); nothing was applied, try again")
        }
    }

    /// `groups` as the hub orders them: a write time beyond the hub's clock by more than
    /// ``clockTolerance`` is clamped to `receivedAt`. A clamp the device already carries (learned
    /// from an earlier reply) is kept when earlier, never moved later. Also says by how much the
    /// device's clock was ahead, when it was.
    private func clamped(_ groups: [ChangeGroup], receivedAt: Timestamp) -> ([ChangeGroup], Int64?) {
        var aheadBy: Int64?
        let clamped = groups.map { group in
            var group = group
            var ordering = min(group.clampedTime ?? group.time, group.time)
            if ordering.milliseconds > receivedAt.milliseconds + Hub.clockTolerance {
                aheadBy = max(aheadBy ?? 0, ordering.milliseconds - receivedAt.milliseconds)
                ordering = receivedAt
            }
            group.clampedTime = ordering == group.time ? nil : ordering
            return group
        }
        return (clamped, aheadBy)
    }

    /// Refuses a device whose file is newer than any accepted from it yet holds fewer of its
    /// own changes than the hub holds from it: a restored backup or a stale copy, which would
    /// write new changes under dots already used. (An older file — one carried late on a
    /// stick — is behind by nature and harmless.)
    private func checkNotBehind(_ device: EnrolledDevice, reported: ScopeVectors, writtenAt: Timestamp) throws(SyncRefusal) {
        guard let last = device.lastWrittenAt, writtenAt > last else { return }
        let held: ScopeVectors
        do { held = try replica.vectors(scopes: reported.scopes) } catch {
            throw SyncRefusal(.hubFailure, "the hub cannot read its vectors now: \(error)")
        }
        for scope in reported.scopes where reported[scope][device.id] < held[scope][device.id] {
            throw forked(device, scope: scope, counter: reported[scope][device.id] + 1,
                         detail: "device \(device.id) (\(device.subject)) holds \(reported[scope][device.id]) of its own changes "
                            + "in \(scope), but the hub already holds \(held[scope][device.id]) from it: a restored backup or a copy")
        }
    }

    /// Records a fork alert for `device` and returns the refusal to send it.
    private func forked(_ device: EnrolledDevice, scope: ScopeID?, counter: UInt64, detail: String) -> SyncRefusal {
        do {
            try replica.recordForkAlert(ForkAlert(replica: device.id.description, subject: device.subject,
                                                  scope: scope?.name ?? "", counter: counter, detectedAt: replica.now(),
                                                  detail: detail))
        } catch {
            return SyncRefusal(.hubFailure, "the hub could not record a fork of \(device.id): \(error)")
        }
        return SyncRefusal(.replicaForked, "\(detail). This device must stop writing under its identity and be re-enrolled: "
                           + "`fagu recover --enroll NEW_FILE` carries its unsynced work to the new identity")
    }

    /// The scopes `device` may receive now: an office's community; for an adviser's device,
    /// the communities of the adviser's appointments today, counting the grace period after an
    /// end (``AppointmentGrace``) — so a new appointment is adopted at the next sync.
    public func currentScopes(of device: EnrolledDevice) throws -> [ScopeID] {
        currentScopes(of: device, appointments: device.role == .adviser ? try appointments(of: device.subject) : [])
    }

    private func currentScopes(of device: EnrolledDevice, appointments: [Appointment]) -> [ScopeID] {
        guard device.role == .adviser else { return device.scopes }
        return AppointmentGrace.communities(of: device.subject, on: replica.now().shanghaiDay, appointments: appointments)
            .map(ScopeID.community).sorted() + [.roster]
    }

    /// The roster's appointments of `adviser`.
    private func appointments(of adviser: String) throws -> [Appointment] {
        try replica.typedRecords(Appointment.self, where: "adviser_id", is: .text(adviser))
    }

    /// The key a file from `device` must be signed with: its registered key, or — on its
    /// first exchange — the key in the header, once the one-time token checks out.
    private func keyToVerify(_ device: EnrolledDevice, _ header: ChangeSetHeader) throws(SyncRefusal) -> [UInt8] {
        if let registered = device.publicKey {
            if let offered = header.publicKey, offered != registered {
                throw SyncRefusal(.tokenReplayed, "the enrollment token of \(device.subject) was already used by another key")
            }
            return registered
        }
        guard let proof = header.enrollmentToken, let offered = header.publicKey else {
            throw SyncRefusal(.badToken, "device \(device.id) has not registered; its first file must carry its key and token proof")
        }
        if let expires = device.tokenExpiresAt, replica.now() > expires {
            throw SyncRefusal(.badToken, "the enrollment file of \(device.subject) expired on \(expires.shanghaiDay); "
                              + "issue a new one (fagu-hub enroll) and join with it")
        }
        guard EnrollmentProof.verify(proof, verifier: device.tokenVerifier, publicKey: offered, replica: device.id) else {
            throw SyncRefusal(.badToken, "the enrollment token proof does not match the token issued to \(device.subject)")
        }
        guard offered.count == 32 else { throw SyncRefusal(.badSignature, "the offered key is not 32 bytes") }
        return offered
    }

    // MARK: Replying

    /// A signed file with what `device` lacks in its scopes, given the vectors it holds.
    /// Its header names the device's registered key, so the device knows its key is
    /// registered (and may forget its token) only from a reply that says so.
    ///
    /// - Parameter limit: At most this many groups; `more` says whether more remain.
    /// - Parameter scopes: The device's current scopes when the caller has them already.
    ///
    /// The header names the device's current scopes (which it adopts), the hub's vectors of
    /// those and of every scope the device reported (its acknowledgement, covering what was
    /// set aside), and the head of the device's own chain per scope. The groups are what the
    /// device lacks, then its own groups set aside since what it last had acknowledged.
    public func reply(to device: EnrolledDevice, holding vectors: ScopeVectors, limit: Int? = nil,
                      scopes: [ScopeID]? = nil) throws -> HubReply {
        let current = try scopes ?? currentScopes(of: device)
        let delta = try replica.measureDelta(for: vectors, scopes: current, limit: limit ?? pageLimit)
        let acknowledgedScopes = Array(Set(current + vectors.scopes)).sorted()
        var acknowledging = try replica.vectors(scopes: acknowledgedScopes)
        for scope in acknowledgedScopes where !current.contains(scope) {
            // A scope no longer served: acknowledge the device's own work there, nothing else.
            acknowledging[scope] = VersionVector([device.id: acknowledging[scope][device.id]])
        }
        let heads = try replica.chainHeads(of: device.id, scopes: acknowledgedScopes)
            .mapValues { ChangeSetHeader.ChainHead(counter: $0.counter, hash: $0.hash) }
        guard let sealTo = device.encryptionKey else {
            throw SyncFailure("device \(device.id) (\(device.subject)) has sent no key to seal its reply to yet: "
                              + "it gets a reply once its first file has arrived")
        }
        let recipient: Curve25519.KeyAgreement.PublicKey
        do { recipient = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: sealTo) } catch {
            throw SyncFailure("the key device \(device.id) named for its replies is not an X25519 key: \(error)")
        }
        let setAside = try replica.setAsideGroups(origin: device.id, after: device.acknowledged)
        let groups = delta.groups + setAside
        let header = ChangeSetHeader(sender: replica.id, district: district, scopes: current,
                                     vectors: acknowledging, schemaVersion: ReplicaSchema.version, createdAt: replica.now(),
                                     publicKey: device.publicKey, hasMore: !delta.complete, heads: heads,
                                     retimed: try replica.clampedGroups(origin: device.id, scopes: acknowledgedScopes,
                                                                        after: device.acknowledged))
        // In the format of the device's latest request, so a device a release behind reads it.
        let version = device.formatMajor.flatMap(ChangeSetVersion.init(major:)) ?? .v2
        let file = try ChangeSetSignature.sign(
            ChangeSetSealing.seal(ChangeSetEncoder.encode(header: header, groups: groups, version: version), to: recipient),
            with: signingKey)
        return HubReply(file: file, groups: delta.groups.count, changes: delta.groups.reduce(0) { $0 + $1.fields.count },
                        more: !delta.complete, setAside: setAside.count)
    }

    /// One HTTP round trip: applies what the device sent and answers with what it lacks. A
    /// replayed request (its number not above the last taken from the device) still has its
    /// changes applied, but is refused `replayed`, with no data.
    ///
    /// - Parameter afterApplying: Called once the file is applied, before the reply is built
    ///   (the server times the two halves apart).
    public func exchange(_ file: [UInt8], afterApplying: (HubReceipt) -> Void = { _ in })
        throws(SyncRefusal) -> (receipt: HubReceipt, reply: HubReply) {
        let receipt = try receive(file)
        afterApplying(receipt)
        if receipt.report.replayed {
            throw SyncRefusal(.replayed, "this request is not newer than the last one from \(receipt.device.subject)'s device: "
                              + "a copy sent again; its changes were applied, but a replay earns no reply")
        }
        do {
            return (receipt, try reply(to: receipt.device, holding: receipt.vectors, scopes: receipt.scopes))
        } catch {
            throw SyncRefusal(.hubFailure, "the file was applied but the hub could not build its reply (\(error)); sync again")
        }
    }
}
