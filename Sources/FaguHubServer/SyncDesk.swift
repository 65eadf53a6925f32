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
    /// Bounds the refusals written to the sync log.
    let refusals = RefusalLog()

    /// The sync log's transport name for attempts made over the network.
    static let transport = "serve"

    /// Exchanges `file` with the hub and records the attempt, ok or not.
    ///
    /// - Parameter remote: The client's address, for the sync log when the sender is unknown.
    func exchange(_ file: [UInt8], from remote: String) -> SyncOutcome {
        do {
            let (receipt, reply) = try hub.exchange(file)
            record(SyncAttempt(at: hub.replica.now(), transport: Self.transport, peer: receipt.device.subject, ok: true,
                               sentChanges: reply.changes, receivedChanges: receipt.report.appliedChanges,
                               message: "device \(receipt.device.id) from \(remote): \(reply.groups) group(s) back"
                                   + (reply.more ? ", more to come" : "")))
            return .accepted(reply: reply.file, notices: notices(for: receipt))
        } catch {
            recordRefusal(SyncAttempt(at: hub.replica.now(), transport: Self.transport, peer: sender(of: file) ?? remote,
                                      ok: false, message: error.description), from: remote)
            return .refused(error, status: error.code.httpStatus)
        }
    }

    /// Records a request that never reached the hub (too large, cut short), and the refusal to
    /// answer it with.
    func turnAway(_ refusal: SyncRefusal, status: Int, from remote: String) -> SyncOutcome {
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
                    milliseconds: attempt.at.milliseconds - Int64(RefusalLog.retentionDays) * 86_400_000))
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

    /// Who sent a refused file, as far as its header tells: the device's code when enrolled.
    private func sender(of file: [UInt8]) -> String? {
        guard let header = try? ChangeSetDecoder(limits: .standard).decodeHeader(file) else { return nil }
        guard let device = try? hub.replica.device(header.sender) else { return "device \(header.sender)" }
        return device.subject
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
