// fagu-demo: the replica core end to end, in one process, on real SQLite files.
//
// Two advisers and a district hub replica each keep their own SQLite file. The advisers
// log work offline, both edit the same case without seeing each other, then exchange
// change sets with the hub; the hub shows the open conflict, every replica converges to
// the same digest, and a later decision resolves the conflict everywhere.
//
// (The HTTP hub, enrollment and USB files come with the hub issue; this shows the core.)
import FaguModel
import FaguStore
import Foundation

func say(_ line: String) { print(line) }

func exchange(_ from: Replica, _ to: Replica, _ scopes: [ScopeID]) throws -> ApplyReport {
    try to.apply(from.delta(for: to.vectors(scopes: scopes), scopes: scopes))
}

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fagu-demo-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
func path(_ name: String) -> String { directory.appendingPathComponent(name + ".sqlite").path }

let c01 = ScopeID.community("c01")
let c02 = ScopeID.community("c02")
let hub = try Replica.create(at: path("hub"), id: .random(), author: "hub")
let wang = try Replica.create(at: path("a017"), id: .random(), author: "a017")
let li = try Replica.create(at: path("a018"), id: .random(), author: "a018")
say("replicas: hub \(hub.id), 王律师 a017 \(wang.id), 李律师 a018 \(li.id)")
say("files in \(directory.path)\n")

// Offline work in two villages.
let visit = Visit(id: wang.newRecordID(), communityID: "c01", adviserID: "a017", date: "2026-11-26", hours: 6.5,
                  note: "走访村委会，解答土地承包经营权流转咨询三起")
try wang.write { try $0.insert(visit) }
let caseID = wang.newRecordID()
try wang.write { transaction in
    try transaction.insert(LegalCase(id: caseID, communityID: "c01", adviserID: "a017", date: "2026-11-26",
                                     title: "宅基地相邻权纠纷", status: .open))
}
try li.write { transaction in
    try transaction.insert(Lecture(id: transaction.newRecordID(), communityID: "c02", adviserID: "a018",
                                   date: "2026-11-26", topic: "民法典与百姓生活", attendees: 46))
}
say("offline: a017 logged a visit (6.5 h) and opened case \(caseID); a018 gave a lecture in c02")

// The case reaches a018 (who also serves c01), then both edit its status without seeing each other.
_ = try exchange(wang, hub, [c01])
_ = try exchange(hub, li, [c01])
try wang.write { try $0.update(.legalCase, id: caseID, fields: ["status": .text("mediated")]) }
try li.write { try $0.update(.legalCase, id: caseID, fields: ["status": .text("referred")]) }
say("concurrent: a017 set status=mediated, a018 set status=referred, both offline\n")

// Everyone syncs with the hub.
for (name, replica, scopes) in [("a017", wang, [c01]), ("a018", li, [c01, c02])] {
    let up = try exchange(replica, hub, scopes)
    let down = try exchange(hub, replica, scopes)
    say("sync \(name): sent \(up.appliedChanges) changes, received \(down.appliedChanges)")
}
_ = try exchange(hub, wang, [c01])

let conflicts = try hub.openConflicts()
say("\nhub holds \(try hub.changeLogSize().changes) changes; open conflicts: \(conflicts.count)")
for conflict in conflicts {
    let values = conflict.register.entries.map { "\($0.value) (\($0.dot.origin == wang.id ? "a017" : "a018"))" }
    say("  \(conflict.kind.rawValue) \(conflict.record) \(conflict.field): \(values.joined(separator: " vs "))"
        + " — shown meanwhile: \(conflict.register.displayed!.value)")
}
let digests = try [hub, wang, li].map { try $0.digest(scopes: [c01]) }
say("digest of c01 on hub / a017 / a018: \(digests.map { String($0.prefix(12)) }.joined(separator: " / "))"
    + (Set(digests).count == 1 ? "  (equal)" : "  (DIFFERENT)"))

// A decision that saw both values resolves the conflict everywhere.
try hub.write { try $0.update(.legalCase, id: caseID, fields: ["status": .text("closed")]) }
_ = try exchange(hub, wang, [c01])
_ = try exchange(hub, li, [c01])
let resolved = try [hub, wang, li].allSatisfy { try $0.openConflicts().isEmpty }
say("\nhub decided status=closed: conflicts left \(resolved ? "none" : "some"); a017 sees "
    + "\(try wang.fetch(LegalCase.self, id: caseID)?.status.rawValue ?? "?")")
let final = try [hub, wang, li].map { try $0.digest(scopes: [c01]) }
guard Set(digests).count == 1, resolved, Set(final).count == 1 else {
    FileHandle.standardError.write(Data("fagu-demo: replicas did not converge\n".utf8))
    exit(1)
}
