import FaguDomain
import FaguModel
import FaguStore
import Foundation

/// The hub's nightly merge of files carried in on USB sticks: apply every file in the inbox,
/// then write each device a reply with what it lacks.
///
/// Files are applied one by one, each all or nothing, in name order — though any order gives
/// the same state. An applied file moves to `applied/`; a refused one moves to `rejected/`
/// beside a `.reason.txt`, and the rest are still applied. A file carried twice is harmless.
public struct NightlyMerge: Sendable {
    /// The hub.
    public let hub: Hub
    /// Where the carried-in files are.
    public let inbox: String
    /// Where to write the replies (nil: no replies).
    public let outbox: String?

    /// A merge of `inbox` into `hub`, replies to `outbox`.
    public init(hub: Hub, inbox: String, outbox: String?) {
        self.hub = hub
        self.inbox = inbox
        self.outbox = outbox
    }

    /// Runs the merge.
    ///
    /// - Parameters:
    ///   - day: `YYYYMMDD` for the reply file names.
    ///   - progress: Called after each inbox file with (done, total).
    /// - Throws: ``SyncFailure`` when the inbox cannot be read or the outbox written.
    public func run(day: String, progress: (Int, Int) -> Void = { _, _ in }) throws -> MergeReport {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: inbox, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SyncFailure("the inbox \(inbox) is not a folder")
        }
        let names = try manager.contentsOfDirectory(atPath: inbox).filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".") && !name.hasSuffix(".partial")
                && manager.fileExists(atPath: inbox + "/" + name, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
        if let outbox { try AtomicFile.createPrivateFolder(outbox) }
        var report = MergeReport()
        for (index, name) in names.enumerated() {
            let path = inbox + "/" + name
            var entry = MergeReport.Inbox(file: name, applied: false, subject: nil, appliedChanges: 0, heldBackGroups: 0)
            let receipt: HubReceipt
            do {
                guard let data = manager.contents(atPath: path) else { throw SyncFailure("cannot read \(name)") }
                receipt = try hub.receive([UInt8](data))
            } catch {
                entry.reason = "\(error)"
                if let refusal = error as? SyncRefusal, refusal.code == .hubFailure {
                    // Not the file's fault: leave it in the inbox for the next merge.
                    entry.reason = "left in the inbox: \(error)"
                } else {
                    entry.reason = reject(path, name, reason: "\(error)")
                }
                try? hub.replica.recordSyncAttempt(SyncAttempt(at: hub.replica.now(), transport: "merge", peer: name, ok: false,
                                                               message: "\(error)"))
                report.inbox.append(entry)
                progress(index + 1, names.count)
                continue
            }
            entry.subject = receipt.device.subject
            if receipt.report.repeatsLastRequest && receipt.report.appliedChanges == 0 {
                // The last request of the device, already applied by a merge cut off before it
                // filed the file away: file it now; a device's request numbers are signed, so
                // this is the same file, not a replay of an older one.
                entry.applied = true
                entry.reason = "already applied by an earlier merge" + fileAway(path, name)
                report.inbox.append(entry)
                progress(index + 1, names.count)
                continue
            }
            if receipt.report.replayed {
                // Its changes were applied; a replay is rejected as a file and earns nothing more.
                entry.appliedChanges = receipt.report.appliedChanges
                report.incidents += receipt.report.incidents.map(\.description)
                entry.reason = reject(path, name, reason: "replayed: not newer than the last request from "
                                      + "\(receipt.device.subject)'s device; its \(receipt.report.appliedChanges) new change(s) were applied")
                report.inbox.append(entry)
                progress(index + 1, names.count)
                continue
            }
            entry.applied = true
            entry.appliedChanges = receipt.report.appliedChanges
            entry.heldBackGroups = receipt.report.heldBackGroups
            entry.setAsideGroups = receipt.report.setAside.count
            report.incidents += receipt.report.incidents.map(\.description)
            // Applied: moving it aside is bookkeeping (applying it again would be harmless), but
            // an inbox that cannot be tidied is said, not hidden.
            let filed = fileAway(path, name)
            if !filed.isEmpty { entry.reason = String(filed.dropFirst(2)) }
            try? hub.replica.recordSyncAttempt(SyncAttempt(at: hub.replica.now(), transport: "merge", peer: name, ok: true,
                                                           receivedChanges: receipt.report.appliedChanges))
            report.inbox.append(entry)
            progress(index + 1, names.count)
        }
        if let outbox { report.replies = try writeReplies(to: outbox, day: day) }
        return report
    }

    /// One reply per device that is not revoked, from the vectors it last reported.
    private func writeReplies(to outbox: String, day: String) throws -> [MergeReport.Reply] {
        let devices = try hub.replica.devices().filter { $0.revokedAt == nil }
        let perSubject = Dictionary(grouping: devices, by: \.subject)
        var replies: [MergeReport.Reply] = []
        // A device that has sent nothing yet has given no key to seal a reply to.
        for device in devices where device.encryptionKey != nil {
            let reply = try hub.reply(to: device, holding: device.lastVectors, limit: Int.max)
            let suffix = perSubject[device.subject, default: []].count > 1 ? "-" + device.id.description.prefix(8) : ""
            let name = "\(device.subject)-\(day)\(suffix).fagu"
            let path = outbox + "/" + name
            try AtomicFile.write(Data(reply.file), to: path)
            replies.append(MergeReport.Reply(file: name, device: device.id.description, subject: device.subject,
                                             changes: reply.changes))
        }
        return replies
    }

    /// Moves a refused file to `rejected/` beside a `.reason.txt` holding `reason`, so it is
    /// never retried; returns the reason, with what went wrong if the file could not be moved
    /// (it would then be tried again next night) or the reason not written.
    private func reject(_ path: String, _ name: String, reason: String) -> String {
        let moved: String
        do { moved = try move(path, into: "rejected", name) } catch {
            return reason + " (could not be moved to rejected/: \(error); it stays in the inbox)"
        }
        do { try AtomicFile.write(Data((reason + "\n").utf8), to: moved + ".reason.txt") } catch {
            return reason + " (the reason file could not be written: \(error))"
        }
        return reason
    }

    /// Moves `path` into `folder` of the inbox under a name not taken yet; returns where.
    /// Moves an applied file to `applied/`; "" when done, else "; " and why it stayed in the
    /// inbox (the next merge applies it again, which changes nothing).
    private func fileAway(_ path: String, _ name: String) -> String {
        do {
            _ = try move(path, into: "applied", name)
            return ""
        } catch {
            return "; applied, but it could not be moved to applied/ (\(error.localizedDescription)), so it stays in the inbox"
        }
    }

    private func move(_ path: String, into folder: String, _ name: String) throws -> String {
        let directory = inbox + "/" + folder
        try AtomicFile.createPrivateFolder(directory)
        var target = directory + "/" + name
        var copy = 1
        while FileManager.default.fileExists(atPath: target) {
            copy += 1
            target = directory + "/" + name + ".\(copy)"
        }
        try FileManager.default.moveItem(atPath: path, toPath: target)
        return target
    }
}
