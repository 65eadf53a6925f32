import FaguSync
import Foundation

/// Files on a USB stick: a device exports its changes, the file reaches the hub's inbox at
/// a nightly merge (that night, a few nights later, twice, or never), and the merge's reply
/// file is carried back and imported (the newest, sometimes an older one after it, sometimes
/// twice, sometimes never).
extension Simulation {
    /// A visit of `device` to where the stick is, when it is online: it imports what the
    /// nightly merges wrote for it, then exports its changes.
    func visitWithStick(_ device: SimulatedDevice) throws {
        guard device.isOnline(on: day) else { return }
        let field = try device.field()
        if let newest = device.replyFiles.popLast() {
            if Int.random(in: 0..<100, using: &random) < 5 {
                figures.lost.filesToDevice += 1     // left in a drawer; a later one supersedes it
            } else {
                try importReply(newest, by: device)
                if let older = device.replyFiles.last, Int.random(in: 0..<100, using: &random) < 15 {
                    figures.reordered.filesToDevice += 1
                    try importReply(older, by: device)
                }
                if Int.random(in: 0..<100, using: &random) < 5 {
                    figures.duplicated.filesToDevice += 1
                    try importReply(newest, by: device)
                }
            }
            device.replyFiles.removeAll()
        }
        device.exports += 1
        let path = directory.file("sticks/\(device.member.name)-\(device.exports).fagu")
        try FileManager.default.createDirectory(atPath: directory.file("sticks"), withIntermediateDirectories: true)
        _ = try field.export(to: path)
        figures.exports += 1
        let roll = Int.random(in: 0..<100, using: &random)
        if roll < 4 {
            figures.lost.filesToHub += 1
            try FileManager.default.removeItem(atPath: path)
            return
        }
        let delay = roll < 84 ? 0 : Int.random(in: 1...3, using: &random)
        if delay > 0 { figures.reordered.filesToHub += 1 }
        let twice = Int.random(in: 0..<100, using: &random) < 5
        if twice { figures.duplicated.filesToHub += 1 }
        carried.append(CarriedFile(path: path, device: device.index, arrivesOnDay: day + delay, twice: twice))
    }

    /// Applies the files at `paths` at the hub as a merge does, without moving them.
    private func receive(_ paths: [String]) throws {
        let hub = try hub()
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            do { _ = try hub.receive([UInt8](data)) } catch {
                fail("the hub refused a carried file before crashing mid-merge: \(error)")
            }
        }
    }

    /// Imports the reply file at `path` on `device`; a refusal breaks a guarantee.
    private func importReply(_ path: String, by device: SimulatedDevice) throws {
        do {
            _ = try device.field().importReply(from: path)
            figures.imports += 1
        } catch let refusal as SyncRefusal {
            fail("\(device.subject) refused the reply file \((path as NSString).lastPathComponent): \(refusal)")
        }
    }

    /// The hub's nightly merge: the files due tonight go into the inbox (in an order of their
    /// own, some twice), the merge applies them and writes every device a reply. Sometimes
    /// the hub crashes mid-merge, after applying some files and before moving any.
    func nightlyMerge() throws {
        merges += 1
        let inbox = directory.file("inbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        var due = carried.filter { $0.arrivesOnDay <= day }
        carried.removeAll { $0.arrivesOnDay <= day }
        due.shuffle(using: &random)
        var arrived: [String] = []
        for (order, file) in due.enumerated() {
            let name = (file.path as NSString).lastPathComponent
            // Named by arrival, so the merge's name order is the order they came in.
            let target = inbox + "/" + String(format: "%05d-", order) + name
            try FileManager.default.moveItem(atPath: file.path, toPath: target)
            arrived.append(target)
            if file.twice {
                try FileManager.default.copyItem(atPath: target, toPath: inbox + "/" + String(format: "%05d-", due.count + order)
                                                 + "again-" + name)
            }
        }
        if !arrived.isEmpty && Int.random(in: 0..<100, using: &random) < 8 {
            // The first files applied, then the process died before moving them aside: the merge
            // that follows finds them again, as replays.
            try receive(Array(arrived.prefix(Int.random(in: 1...arrived.count, using: &random))))
            try crashHub()
            figures.restartsMidMerge += 1
        }
        let outbox = directory.file("outbox/\(merges)")
        let report = try NightlyMerge(hub: hub(), inbox: inbox, outbox: outbox).run(day: today.replacingOccurrences(of: "-", with: ""))
        figures.nightlyMerges += 1
        for entry in report.inbox where !entry.applied {
            // A file already applied (carried twice, or applied before a crash) is a replay:
            // set aside as a file, its changes applied again as nothing new. Anything else is a
            // refusal no device deserved.
            if entry.reason?.hasPrefix("replayed") == true { continue }
            fail("the nightly merge refused \(entry.file): \(entry.reason ?? "no reason")")
        }
        let byOrigin = Dictionary(uniqueKeysWithValues: devices.map { ($0.origin.description, $0) })
        for reply in report.replies {
            guard let device = byOrigin[reply.device] else {
                fail("the nightly merge wrote a reply for \(reply.device), which no device of the district is")
                continue
            }
            device.replyFiles.append(outbox + "/" + reply.file)
            if device.replyFiles.count > 4 { device.replyFiles.removeFirst() }
        }
    }
}
