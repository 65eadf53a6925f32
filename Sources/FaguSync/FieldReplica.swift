import Crypto
import FaguDomain
import FaguModel
import FaguStore
import FaguWire
import Foundation

/// A device in the field — an adviser's laptop or a community office — joined to a district
/// hub: its local replica, its signing key, and what it knows of the hub.
///
/// Everything works offline; ``sync(over:progress:)`` (network) and ``export(to:)`` /
/// ``importReply(from:)`` (USB stick) exchange signed change sets with the hub.
public final class FieldReplica: Sendable {
    /// The local replica.
    public let replica: Replica
    /// The district.
    public let district: String
    /// `adviser` or `office`.
    public let role: DeviceRole
    /// The adviser's or community's code.
    public let subject: String
    /// The scopes this device receives now: those of its enrollment, then whatever the hub's
    /// last reply named (appointments added and ended follow the roster).
    public var scopes: [ScopeID] {
        get throws {
            guard let text = try replica.metadata("scopes") else {
                throw SyncFailure("\(replica.path) lacks its scopes; join again with `fagu init --enroll FILE`")
            }
            return text.split(separator: ",").map { ScopeID(String($0)) }
        }
    }
    /// The hub's address from the enrollment file.
    public let hubURL: String
    private let hubReplica: ReplicaID
    private let hubPublicKey: [UInt8]
    private let hubEncryptionKeyBytes: [UInt8]
    private let privateKey: [UInt8]
    private let limits: ChangeSetLimits

    /// The replica file in a device home.
    public static func replicaPath(home: String) -> String { home + "/replica.sqlite" }
    /// The private key file in a device home.
    public static func keyPath(home: String) -> String { home + "/device.key" }

    /// The page size of a device's replica file, unless its configuration names one: SQLite's
    /// 4 KiB, not the hub's 16 KiB (``Replica/databasePageSize``). A device writes a record or
    /// two per transaction, and each commit writes every page it touched whole to the WAL
    /// (a visit after the first: 5 pages either way, 20 KiB against 80 KiB at 16 KiB;
    /// PageSizeTests); its
    /// merges are of its own communities only. In transactions of 1,000, the day of
    /// `tools/bench core` cost 1.14–1.24× one transaction at 4 KiB against 1.47–1.54× at
    /// 16 KiB (three runs, synchronous FULL).
    public static let pageBytes = 4_096

    /// The metadata key under which a device keeps the vectors the hub last acknowledged.
    public static let hubAcknowledged = "hub_vectors"

    private init(replica: Replica, key: Curve25519.Signing.PrivateKey, limits: ChangeSetLimits) throws {
        func fact(_ key: String) throws -> String {
            guard let value = try replica.metadata(key) else {
                throw SyncFailure("\(replica.path) lacks its enrollment (\(key)); join again with `fagu init --enroll FILE`")
            }
            return value
        }
        self.replica = replica
        district = try fact("district")
        guard let role = DeviceRole(rawValue: try fact("role")) else { throw SyncFailure("\(replica.path) has an unknown role") }
        self.role = role
        subject = try fact("subject")
        hubURL = try fact("hub_url")
        guard let hub = ReplicaID(try fact("hub_replica")), let hubKey = Hex.decode(try fact("hub_public_key")) else {
            throw SyncFailure("\(replica.path) holds a damaged hub identity")
        }
        hubReplica = hub
        hubPublicKey = hubKey
        guard let sealing = try replica.metadata("hub_encryption_key").flatMap(Hex.decode),
              let sealTo = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: sealing) else {
            throw SyncFailure("\(replica.path) was joined before files were sealed and lacks the hub's encryption key; "
                              + "ask the hub for a new enrollment file and join with it in a new home")
        }
        hubEncryptionKeyBytes = Array(sealTo.rawRepresentation)
        privateKey = Array(key.rawRepresentation)
        self.limits = limits
    }

    /// Joins the district: creates the replica and the device's key pair in `home` from the
    /// hub's enrollment file. The key never leaves `home`; the first exchange registers it.
    ///
    /// - Throws: ``SyncFailure`` when `home` already holds a replica.
    ///
    /// - Parameter schema: The record kinds kept (the legal-advice schema; another only in tests
    ///   of how versions with grown schemas meet).
    public static func join(home: String, enrollment: Enrollment,
                            configuration: ReplicaConfiguration = ReplicaConfiguration(),
                            schema: Schema = .legalAdvice) throws -> FieldReplica {
        guard !FileManager.default.fileExists(atPath: replicaPath(home: home)) else {
            throw SyncFailure(.replicaExists, subject: home, "\(home) already holds a replica; use another --home")
        }
        guard let id = ReplicaID(enrollment.replica), let role = DeviceRole(rawValue: enrollment.role) else {
            throw SyncFailure("the enrollment file is damaged")
        }
        try AtomicFile.createPrivateFolder(home)
        // The replica file is the mark of a finished join: without it, a key or a staging
        // folder here is what a join cut off (a crash, a kill) left, never registered anywhere.
        let fileManager = FileManager.default
        for leftover in (try fileManager.contentsOfDirectory(atPath: home)).filter({ $0.hasPrefix(".joining-") }) {
            try fileManager.removeItem(atPath: home + "/" + leftover)
        }
        if fileManager.fileExists(atPath: keyPath(home: home)) { try fileManager.removeItem(atPath: keyPath(home: home)) }
        // Everything is made in a staging folder and moved in last, the replica file after
        // the key, so a join cut off at any point can simply be run again.
        let staging = home + "/.joining-\(UUID().uuidString)"
        try AtomicFile.createPrivateFolder(staging)
        do {
            let made = try create(home: staging, id: id, role: role, enrollment: enrollment, configuration: configuration,
                                  schema: schema)
            try made.replica.close()
            try fileManager.moveItem(atPath: keyPath(home: staging), toPath: keyPath(home: home))
            try fileManager.moveItem(atPath: replicaPath(home: staging), toPath: replicaPath(home: home))
            try fileManager.removeItem(atPath: staging)
        } catch {
            // Leave nothing half-made behind, so joining again works.
            try? fileManager.removeItem(atPath: staging)
            try? fileManager.removeItem(atPath: keyPath(home: home))
            throw error
        }
        return try open(home: home, configuration: configuration, schema: schema)
    }

    private static func create(home: String, id: ReplicaID, role: DeviceRole, enrollment: Enrollment,
                               configuration: ReplicaConfiguration, schema: Schema) throws -> FieldReplica {
        let key = try SigningKeyFile.create(at: keyPath(home: home))
        let author = role == .adviser ? enrollment.subject : "office:\(enrollment.subject)"
        let replica = try Replica.create(at: replicaPath(home: home), id: id, author: author, schema: schema,
                                         configuration: configuration.makingPages(of: FieldReplica.pageBytes))
        try replica.setMetadata([
            "role": role.rawValue, "subject": enrollment.subject, "district": enrollment.district,
            "scopes": enrollment.scopes.joined(separator: ","), "hub_url": enrollment.hubURL,
            "hub_replica": enrollment.hubReplica, "hub_public_key": enrollment.hubPublicKey,
            "hub_encryption_key": enrollment.hubEncryptionKey,
            "authority": enrollment.hubReplica,
            "enrollment_token": enrollment.token,
        ])
        return try FieldReplica(replica: replica, key: key, limits: .standard)
    }

    /// Opens the device in `home`.
    ///
    /// - Parameter schema: The record kinds kept (see ``join(home:enrollment:configuration:schema:)``).
    public static func open(home: String, configuration: ReplicaConfiguration = ReplicaConfiguration(),
                            limits: ChangeSetLimits = .standard, schema: Schema = .legalAdvice) throws -> FieldReplica {
        guard FileManager.default.fileExists(atPath: replicaPath(home: home)) else {
            throw SyncFailure(.noReplica, subject: home, "no replica in \(home); join a district first with `fagu init --enroll FILE`")
        }
        let replica = try Replica.open(at: replicaPath(home: home), schema: schema, configuration: configuration)
        return try FieldReplica(replica: replica, key: SigningKeyFile.read(at: keyPath(home: home)), limits: limits)
    }

    private var signingKey: Curve25519.Signing.PrivateKey {
        try! Curve25519.Signing.PrivateKey(rawRepresentation: privateKey)
    }

    /// The hub's key every file for it is sealed to.
    private var hubEncryptionKey: Curve25519.KeyAgreement.PublicKey {
        // Checked when the device was opened.
        try! Curve25519.KeyAgreement.PublicKey(rawRepresentation: hubEncryptionKeyBytes)
    }

    /// The key this device opens the hub's sealed replies with.
    private var sealingKey: Curve25519.KeyAgreement.PrivateKey { SealingKey.derived(from: signingKey) }

    /// The community scopes this device receives now (the ones it writes new work in).
    public var communityScopes: [ScopeID] { get throws { try scopes.filter { $0 != .roster } } }

    /// Every community scope this device holds anything of, served now or not: where its own
    /// unsent work may be.
    public func heldCommunityScopes() throws -> [ScopeID] {
        Array(Set(try communityScopes + replica.scopes().filter { $0 != .roster })).sorted()
    }

    /// When the hub or this device found that another copy uses this device's identity, and
    /// why; nil while it has not. A forked device writes and syncs no more: see
    /// ``recover(home:enrollment:configuration:)``.
    public func forkedReason() throws -> String? { try replica.forkedReason() }

    /// Marks this device as forked, so it stops writing under its identity.
    public func markForked(_ reason: String) throws {
        try replica.markForked(reason)
    }

    /// Refuses when this device is forked.
    public func checkNotForked() throws {
        if let reason = try forkedReason() {
            throw SyncRefusal(.replicaForked, "this device's identity is used by another copy (\(reason)); run "
                              + "`fagu recover --enroll NEW_FILE` with a new enrollment file from the hub")
        }
    }

    /// Whether the hub has confirmed this device's key.
    public func isRegistered() throws -> Bool { try replica.metadata("enrollment_token") == nil }

    /// What the hub has acknowledged holding, as of the last reply accepted.
    public func hubVectors() throws -> ScopeVectors { try replica.storedVectors(FieldReplica.hubAcknowledged) }

    /// This device's own changes the hub has not acknowledged yet.
    ///
    /// Read off the vectors: a device's own counters run without gaps per scope, one per
    /// field change, so nothing of the log is read.
    public func pendingChanges() throws -> Int {
        let acknowledged = try hubVectors()
        let scopes = try heldCommunityScopes()
        let held = try replica.vectors(scopes: scopes)
        return scopes.reduce(0) { total, scope in
            let mine = held[scope][replica.id], theirs = acknowledged[scope][replica.id]
            return total + Int(mine > theirs ? mine - theirs : 0)
        }
    }

    // MARK: Files

    /// A signed file for the hub: this device's changes the hub has not acknowledged (at most
    /// `limit` groups), and the vectors the hub answers against.
    ///
    /// - Parameter version: The format to write it in; the hub answers in the same one (a
    ///   test writes 2.0 to stand for a device of an older release).
    public func request(limit: Int? = nil, version: ChangeSetVersion = .current) throws -> (file: [UInt8], changes: Int, more: Bool) {
        try checkNotForked()
        let acknowledgedVectors = try hubVectors()
        let written = try heldCommunityScopes()
        let delta = try replica.measureDelta(for: acknowledgedVectors, scopes: written, limit: limit ?? Int.max,
                                             origins: [replica.id])
        let token = try replica.metadata("enrollment_token")
        let scopes = try self.scopes
        // Numbered before it leaves, so no two requests of this device carry the same number.
        let number = (try replica.metadata("request_number").flatMap(UInt64.init) ?? 0) + 1
        try replica.setMetadata(["request_number": String(number)])
        var acknowledged: [ScopeID: UInt64] = [:]
        for scope in written where acknowledgedVectors[scope][replica.id] > 0 {
            acknowledged[scope] = acknowledgedVectors[scope][replica.id]
        }
        let header = ChangeSetHeader(sender: replica.id, district: district, scopes: scopes,
                                     vectors: try replica.vectors(scopes: Array(Set(scopes + written)).sorted()),
                                     schemaVersion: ReplicaSchema.version,
                                     createdAt: replica.now(),
                                     publicKey: token == nil ? nil : Array(signingKey.publicKey.rawRepresentation),
                                     enrollmentToken: token.map {
                                         EnrollmentProof.make(token: $0, publicKey: Array(signingKey.publicKey.rawRepresentation),
                                                              replica: replica.id)
                                     },
                                     hasMore: !delta.complete, acknowledged: acknowledged, requestNumber: number,
                                     encryptionKey: Array(sealingKey.publicKey.rawRepresentation))
        let file = try ChangeSetSignature.sign(
            ChangeSetSealing.seal(ChangeSetEncoder.encode(header: header, groups: delta.groups, version: version),
                                  to: hubEncryptionKey),
            with: signingKey)
        return (file, delta.groups.reduce(0) { $0 + $1.fields.count }, !delta.complete)
    }

    /// Checks and applies a reply from the hub, or refuses it with nothing applied.
    ///
    /// - Returns: What was applied, and whether the hub holds more.
    public func accept(_ file: [UInt8]) throws(SyncRefusal) -> (report: ApplyReport, changes: Int, more: Bool) {
        let decoder = ChangeSetDecoder(limits: limits, schema: replica.schema)
        let header: ChangeSetHeader
        do { header = try decoder.decodeHeader(file) } catch { throw SyncRefusal(error) }
        guard header.sender == hubReplica else {
            throw SyncRefusal(.wrongSender, "the file comes from \(header.sender), not from this device's hub")
        }
        do {
            try ChangeSetSignature.verify(file, publicKey: Curve25519.Signing.PublicKey(rawRepresentation: hubPublicKey))
        } catch let error as WireError {
            throw SyncRefusal(error)
        } catch {
            throw SyncRefusal(.badSignature, "the hub key in this device's enrollment is not valid")
        }
        if let key = header.publicKey, key != Array(signingKey.publicKey.rawRepresentation) {
            throw SyncRefusal(.wrongRecipient, "this reply is for another device of the district, not for \(replica.id); "
                              + "import the file named with this device's id")
        }
        guard ChangeSetDecoder.isSealed(file) else {
            throw SyncRefusal(.notSealed, "the reply is not sealed to this device; a hub seals every reply")
        }
        let set: ChangeSet
        do { set = try decoder.decode(file, key: sealingKey) } catch { throw SyncRefusal(error) }
        do { try checkNotForked() } catch let refusal as SyncRefusal { throw refusal } catch {
            throw SyncRefusal(.invalidChanges, "\(error)")
        }
        // The hub names the scopes this device receives now: new appointments are adopted,
        // ended ones dropped after their grace period (what is held stays readable).
        let scopes = header.scopes.contains(.roster) ? header.scopes : header.scopes + [.roster]
        let own = set.groups.filter { $0.origin == replica.id }
        for group in set.groups where group.origin != replica.id && !scopes.contains(group.scope) {
            throw SyncRefusal(.outsideScope, "the hub sent community \(group.scope), which this device does not hold")
        }
        for group in own where group.setAside == nil {
            throw SyncRefusal(.invalidChanges, "the hub sent back this device's own change \(group) as if new")
        }
        do {
            // The hub's view of this device's own chain must be this device's: else another
            // copy of it synced first, and acknowledging would hide this copy's work.
            for (scope, head) in header.heads.sorted(by: { $0.key < $1.key })
            where !(try replica.ownChainMatches(scope: scope, counter: head.counter, hash: head.hash)) {
                let reason = "the hub holds \(head.counter) changes of this device in \(scope) that differ from this copy's"
                try markForked(reason)
                throw SyncRefusal(.replicaForked, reason + "; run `fagu recover --enroll NEW_FILE` with a new enrollment file")
            }
            let noted = try replica.noteOwnSetAside(own)
            var report = try replica.apply(set.groups.filter { $0.origin != replica.id })
            report.ownSetAside = noted
            // Own groups the hub clamped (this device's clock was ahead) are ordered as
            // everyone else orders them.
            try replica.retimeOwn(header.retimed)
            var acknowledged = try hubVectors()
            for scope in header.vectors.scopes {
                var merged = acknowledged[scope].merged(with: header.vectors[scope])
                // Of this device's own work, what the hub says it holds now counts, even when
                // less than it once acknowledged (a hub restored from a backup): the next
                // request sends again whatever the hub lacks.
                merged[replica.id] = header.vectors[scope][replica.id]
                acknowledged[scope] = merged
            }
            try replica.storeVectors(acknowledged, as: FieldReplica.hubAcknowledged)
            var facts: [String: String?] = ["scopes": scopes.map(\.name).joined(separator: ",")]
            if header.publicKey == Array(signingKey.publicKey.rawRepresentation) { facts["enrollment_token"] = .some(nil) }
            try replica.setMetadata(facts)
            return (report, set.groups.reduce(0) { $0 + $1.fields.count }, header.hasMore)
        } catch let refusal as SyncRefusal {
            throw refusal
        } catch let error as ReplicaError where error.code == .replicaForked && error.dot?.origin == replica.id {
            do { try markForked(error.message) } catch let failure {
                throw SyncRefusal(.invalidChanges, "\(error.message); noting it here failed too: \(failure)")
            }
            throw SyncRefusal(error)
        } catch let error as ReplicaError {
            throw SyncRefusal(error)
        } catch {
            throw SyncRefusal(.invalidChanges, "\(error)")
        }
    }

    /// Writes a change-set file for the hub (to carry on a USB stick).
    ///
    /// - Throws: ``SyncFailure`` when a file is already at `path` (it may be a reply not yet
    ///   imported: never overwrite it).
    /// - Parameter version: The format to write (3.0 for a hub of a release before 4.0, 2.0 for one before 3.0).
    public func export(to path: String, version: ChangeSetVersion = .current) throws -> SyncSummary {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw SyncFailure("\(path) already exists; choose another name (it may be a reply not yet imported)")
        }
        let request = try request(version: version)
        try AtomicFile.write(Data(request.file), to: path)
        var summary = SyncSummary()
        summary.rounds = 1
        summary.sentChanges = request.changes
        try replica.recordSyncAttempt(SyncAttempt(at: replica.now(), transport: "export", peer: path, ok: true,
                                                  sentChanges: request.changes, message: "\(request.file.count) bytes"))
        return summary
    }

    /// Applies a reply file the hub wrote (carried on a USB stick).
    public func importReply(from path: String) throws -> SyncSummary {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        guard let size else { throw SyncFailure("cannot read \(path)") }
        guard size <= limits.maxFileBytes else {
            throw SyncRefusal(.badFile, "\(path) is \(size) bytes, over the limit of \(limits.maxFileBytes)")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw SyncFailure("cannot read \(path)") }
        do {
            let accepted = try accept([UInt8](data))
            var summary = SyncSummary()
            summary.rounds = 1
            summary.receivedChanges = accepted.report.appliedChanges
            summary.heldBackGroups = accepted.report.heldBackGroups
            summary.incidents = accepted.report.incidents
            summary.setAside = accepted.report.ownSetAside
            summary.openConflicts = try replica.openConflicts().count
            try replica.recordSyncAttempt(SyncAttempt(at: replica.now(), transport: "import", peer: path, ok: true,
                                                      receivedChanges: accepted.report.appliedChanges))
            return summary
        } catch {
            try? replica.recordSyncAttempt(SyncAttempt(at: replica.now(), transport: "import", peer: path, ok: false,
                                                       message: "\(error)"))
            throw error
        }
    }

    // MARK: Network

    /// Syncs with the hub until neither side has more: each round trip sends up to
    /// `pageLimit` of this device's groups and applies the hub's answer. An interrupted sync
    /// loses nothing: acknowledgements only advance when a reply has been applied. Requests
    /// are written in ``ChangeSetVersion/current``, or in the version before once the hub
    /// refuses that one (a hub of an older release), down to 2.0.
    public func sync(over transport: any SyncTransport, pageLimit: Int = 2_000,
                     progress: @Sendable (SyncProgress) -> Void = { _ in }) async throws -> SyncSummary {
        var summary = SyncSummary()
        var unacknowledged = Int.max
        var version = ChangeSetVersion.current
        do {
            while true {
                let request = try request(limit: pageLimit, version: version)
                let reply: [UInt8]
                do {
                    reply = try await transport.exchange(request.file)
                } catch let refusal as SyncRefusal where refusal.isUnreadableVersion && version.previous != nil {
                    // A hub of an older release refuses a version newer than it reads, having
                    // applied nothing: the round goes again in the version before (a hub before
                    // 4.0 reads 3.0; one before 3.0 only 2.0), and so does the rest of this sync.
                    // Any other refusal (a file too large, cut off, …) stands.
                    version = version.previous!
                    continue
                }
                let accepted = try accept(reply)
                summary.rounds += 1
                summary.sentChanges += request.changes
                summary.receivedChanges += accepted.report.appliedChanges
                summary.heldBackGroups = accepted.report.heldBackGroups
                summary.incidents += accepted.report.incidents
                summary.setAside += accepted.report.ownSetAside
                // Own work still unacknowledged after a complete round means the hub holds less
                // than it once did (restored from a backup): go again while that shrinks.
                let pending = try pendingChanges()
                let resend = pending > 0 && pending < unacknowledged
                let more = request.more || accepted.more || resend
                unacknowledged = pending
                progress(SyncProgress(rounds: summary.rounds, sentChanges: summary.sentChanges,
                                      receivedChanges: summary.receivedChanges, pendingChanges: pending,
                                      more: more))
                if !more { break }
                guard request.changes > 0 || accepted.changes > 0 || resend else {
                    throw SyncFailure("the hub says it has more but sent nothing; try again later")
                }
            }
            summary.openConflicts = try replica.openConflicts().count
            try replica.recordSyncAttempt(SyncAttempt(
                at: replica.now(), transport: "http", peer: transport.peerDescription, ok: true,
                sentChanges: summary.sentChanges, receivedChanges: summary.receivedChanges,
                message: "\(summary.rounds) round trip(s)"
                    + (version == .current ? "" : "; the hub does not read format \(ChangeSetVersion.current), so this device "
                       + "wrote format \(version)")))
            return summary
        } catch {
            if let refusal = error as? SyncRefusal, refusal.code == .replicaForked { try markForked(refusal.message) }
            try? replica.recordSyncAttempt(SyncAttempt(
                at: replica.now(), transport: "http", peer: transport.peerDescription, ok: false,
                sentChanges: summary.sentChanges, receivedChanges: summary.receivedChanges, message: "\(error)"))
            throw error
        }
    }
}
