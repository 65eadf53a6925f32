import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguWire
import Logging

/// The hub's side of one network round trip, free of HTTP: exchange the file, note the attempt
/// in the hub's sync log, and say what to answer. Every call is synchronous SQLite work; the
/// server runs it on its ``HubWorker``.
struct SyncDesk: Sendable {
    /// The hub.
    let hub: Hub
    /// Where a sync log that cannot be written is reported.
    let logger: Logger
    /// Counts syncs, refusals, bytes and latencies for `GET /metrics`.
    let metrics: HubMetrics
    /// Bounds the refusals written to the sync log.
    let refusals: RefusalLog

    /// The sync log's transport name for attempts made over the network.
    static let transport = "serve"

    /// Exchanges `file` with the hub and records the attempt, ok or not.
    ///
    /// - Parameter remote: The client's address, for the sync log when the sender is unknown.
    func exchange(_ file: [UInt8], from remote: String) -> SyncOutcome {
        let clock = ContinuousClock(), started = clock.now
        var applied = started
        do {
            let (receipt, reply) = try hub.exchange(file) { _ in applied = clock.now }
            let finished = clock.now
            metrics.recordAccepted(receivedBytes: file.count, sentBytes: reply.file.count,
                                   apply: applied - started, reply: finished - applied)
            logger.info("sync", metadata: [
                "outcome": "accepted", "device": "\(receipt.device.id)", "subject": "\(receipt.device.subject)",
                "peer": "\(remote)", "ms": "\(Self.milliseconds(finished - started))",
                "bytes_in": "\(file.count)", "bytes_out": "\(reply.file.count)",
                "changes_in": "\(receipt.report.appliedChanges)", "groups_out": "\(reply.groups)", "more": "\(reply.more)",
                "incidents": "\(receipt.report.incidents.count)",
            ])
            record(SyncAttempt(at: hub.replica.now(), transport: Self.transport, peer: receipt.device.subject, ok: true,
                               sentChanges: reply.changes, receivedChanges: receipt.report.appliedChanges,
                               message: "device \(receipt.device.id) from \(remote): \(reply.groups) group(s) back"
                                   + (reply.more ? ", more to come" : "")))
            return .accepted(reply: reply.file, notices: notices(for: receipt))
        } catch {
            let peer = sender(of: file)
            logger.notice("sync", metadata: [
                "outcome": "refused", "code": "\(error.code.rawValue)", "device": "\(peer?.device ?? "unknown")",
                "subject": "\(peer?.subject ?? "unknown")", "peer": "\(remote)",
                "ms": "\(Self.milliseconds(clock.now - started))", "bytes_in": "\(file.count)",
            ])
            metrics.recordRefused(code: error.code.rawValue, receivedBytes: file.count)
            recordRefusal(SyncAttempt(at: hub.replica.now(), transport: Self.transport,
                                      peer: peer.map { $0.subject ?? "device \($0.device)" } ?? remote,
                                      ok: false, message: error.description), from: remote)
            return .refused(error, status: error.code.httpStatus)
        }
    }

    /// A duration in whole milliseconds, for the log.
    static func milliseconds(_ duration: Duration) -> Int64 { duration.nanoseconds / 1_000_000 }

    /// Records a request that never reached the hub (too large, cut short), and the refusal to
    /// answer it with.
    ///
    /// - Parameter receivedBytes: What was read of the request before it was turned away.
    func turnAway(_ refusal: SyncRefusal, status: Int, from remote: String, receivedBytes: Int = 0) -> SyncOutcome {
        logger.notice("sync", metadata: ["outcome": "refused", "code": "\(refusal.code.rawValue)", "peer": "\(remote)",
                                         "http_status": "\(status)", "bytes_in": "\(receivedBytes)"])
        metrics.recordRefused(code: refusal.code.rawValue, receivedBytes: receivedBytes)
        recordRefusal(SyncAttempt(at: hub.replica.now(), transport: Self.transport, peer: remote, ok: false,
                                  message: refusal.description), from: remote)
        return .refused(refusal, status: status)
    }

    /// Adds a refused attempt to the sync log, within ``RefusalLog``'s bounds.
    private func recordRefusal(_ attempt: SyncAttempt, from remote: String) {
        let address = remote.lastIndex(of: ":").map { String(remote[..<$0]) } ?? remote
        guard refusals.admits(address, at: attempt.at) else {
            logger.debug("refusal not logged: over the rate for its address", metadata: ["peer": "\(remote)"])
            return
        }
        record(attempt)
        if refusals.duePrune(at: attempt.at) {
            do {
                try hub.replica.pruneRefusedSyncAttempts(before: Timestamp(
                    milliseconds: attempt.at.milliseconds - Int64(refusals.retentionDays) * 86_400_000))
            } catch {
                logger.warning("cannot prune the hub's sync log", metadata: ["error": "\(error)"])
            }
        }
    }

    /// One notice per incident report the receipt says just arrived.
    private func notices(for receipt: HubReceipt) -> [IncidentNotice] {
        receipt.report.incidents.map { record in
            let alert = try? hub.replica.incidentAlert(for: record)
            return IncidentNotice(record: record, device: receipt.device.id, subject: receipt.device.subject,
                                  communityID: alert?.communityID, level: alert?.level)
        }
    }

    /// Who sent a refused file, as far as its header tells: the device's id, and its subject
    /// (the adviser's or office's code) when enrolled. Only for the log of a refusal: a header
    /// that does not decode is the refusal itself.
    private func sender(of file: [UInt8]) -> (device: String, subject: String?)? {
        guard let header = try? ChangeSetDecoder(limits: .standard).decodeHeader(file) else { return nil }
        return ("\(header.sender)", try? hub.replica.device(header.sender)?.subject)
    }

    /// Adds `attempt` to the hub's sync log; a log that cannot be written does not fail the sync.
    private func record(_ attempt: SyncAttempt) {
        do {
            try hub.replica.recordSyncAttempt(attempt)
        } catch {
            logger.warning("cannot write the hub's sync log", metadata: ["error": "\(error)"])
        }
    }
}
