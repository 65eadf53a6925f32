import FaguCLI
@testable import FaguDoctor
import FaguModel
@testable import FaguStore
import FaguSync
import FaguTesting
import FaguWire
import Foundation
import GRDB
import Testing

/// A district with a hub and adviser a001 who logged visits and synced, closed so its
/// homes can be copied and damaged.
private func syncedDistrict() throws -> (district: TestDistrict, device: String, hub: String) {
    let district = try TestDistrict(prefix: "fagu-doctor")
    let device = try district.join(.adviser, "a001", as: "a001")
    for hours in [2.0, 3, 4, 5, 6] { try device.logVisit("c01", hours: hours) }
    try device.logVisit("c02")
    _ = try device.accept(district.hub.exchange(device.request().file).reply.file)
    try device.replica.close()
    return (district, district.directory.file("a001"), district.directory.file("hub"))
}

/// A copy of the home at `path`, damaged with `sql` run behind the library's back.
private func damaged(_ path: String, in directory: TemporaryDirectory, as name: String, _ sql: String) throws -> String {
    let copy = directory.file(name)
    try FileManager.default.copyItem(atPath: path, toPath: copy)
    let database = try DatabaseQueue(path: copy + "/replica.sqlite")
    try database.write { try $0.execute(sql: sql) }
    try database.close()
    return copy
}

/// A copy of the home at `path` whose change log of origin 1 (the device itself), in
/// `scope`'s runs or all of them, is rewritten by `edit` behind the library's back: the
/// groups in counter order, put back as one run per scope.
private func damagedLog(_ path: String, in directory: TemporaryDirectory, as name: String, scope: String? = nil,
                        _ edit: (inout [(scope: Int, entry: LogEntry)]) -> Void) throws -> String {
    let copy = directory.file(name)
    try FileManager.default.copyItem(atPath: path, toPath: copy)
    let database = try DatabaseQueue(path: copy + "/replica.sqlite")
    try database.write { db in
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, scope, first, entries FROM change_run
            WHERE origin = 1 AND (?1 IS NULL OR scope = (SELECT idx FROM scope WHERE name = ?1)) ORDER BY scope, last
            """, arguments: [scope])
        var entries: [(scope: Int, entry: LogEntry)] = []
        for row in rows {
            let held = try #require(LogRun.entries(of: [UInt8](row[3] as Data), first: UInt64(row[2] as Int64)))
            entries += held.map { (row[1], $0) }
            try db.execute(sql: "DELETE FROM change_run WHERE id = ?", arguments: [row[0] as Int64])
        }
        edit(&entries)
        for scopeNumber in Set(entries.map(\.scope)).sorted() {
            let run = LogRun(entries.filter { $0.scope == scopeNumber }.map(\.entry))
            try db.execute(sql: LogRun.insertSQL, arguments: StatementArguments(run.insertArguments(scope: scopeNumber, origin: 1)))
        }
    }
    try database.close()
    return copy
}

/// The problem codes `fagu-doctor verify` finds at `home`, after checking it exits 1.
private func verifyFinds(_ home: String, files: [String] = []) throws -> Set<ReplicaProblem.Code> {
    let failure = #expect(throws: CommandFailure.self) { try VerifyCommand.parse(["--home", home, "--lang", "en"] + files).run() }
    #expect(failure?.exitCode == 1)
    let replica = try Replica.openReadOnly(at: home + (FileManager.default.fileExists(atPath: home + "/hub.sqlite") ? "/hub.sqlite" : "/replica.sqlite"),
                                           schema: .legalAdvice)
    var codes = Set(try replica.verify(scratchDirectory: NSTemporaryDirectory()).map(\.code))
    if !files.isEmpty { codes.insert(.signatureInvalid) }
    return codes
}

@Suite("fagu-doctor verify and diff")
struct DoctorCommandTests {
    @Test("verify passes a healthy device and hub, and catches a changed state row, a deleted log row, a broken chain and a vector ahead of the log")
    func verifyCatchesDamage() throws {
        let (district, device, hub) = try syncedDistrict()
        try VerifyCommand.parse(["--home", device]).run()
        try VerifyCommand.parse(["--home", hub, "--json"]).run()

        // A visit's hours changed in its table, not through the library.
        let edited = try damaged(device, in: district.directory, as: "edited", "UPDATE visit SET hours = 99 WHERE hours = 3")
        #expect(try verifyFinds(edited) == [.stateDiffers])
        let problem = try Replica.openReadOnly(at: edited + "/replica.sqlite", schema: .legalAdvice)
            .verify(scratchDirectory: NSTemporaryDirectory()).first
        #expect(problem?.records.count == 1 && problem?.records.first?.hasPrefix("visit ") == true)

        // The log row of the second visit deleted: a gap in the chain (and its record's state no longer follows from the log).
        let gap = try damagedLog(device, in: district.directory, as: "gap", scope: "c01") { $0.remove(at: 1) }
        #expect(try verifyFinds(gap).isSuperset(of: [.logGap]))

        // An author rewritten in the log: the group no longer hashes to its chain hash.
        let rewritten = try damagedLog(device, in: district.directory, as: "rewritten") { $0[2].entry.author = "mallory" }
        #expect(try verifyFinds(rewritten).contains(.chainBroken))

        // The vector claims more than the log holds.
        let ahead = try damaged(device, in: district.directory, as: "ahead", "UPDATE version_vector SET counter = counter + 5 WHERE origin = 1")
        #expect(try verifyFinds(ahead).contains(.vectorAhead))

        // The same on the hub: a state row changed there.
        let hubEdited = try damagedHub(hub, in: district.directory)
        #expect(try verifyFinds(hubEdited) == [.stateDiffers])
    }

    @Test("verify checks a change-set file's signature against the hub's registry: a valid export passes, one altered byte fails")
    func verifyChecksSignatures() throws {
        let (district, device, hub) = try syncedDistrict()
        let field = try FieldReplica.open(home: device, configuration: TestDistrict.configuration)
        try field.logVisit("c01")
        let export = district.directory.file("a001.fagu")
        _ = try field.export(to: export)
        try VerifyCommand.parse(["--home", hub, export]).run()

        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: export)))
        bytes[bytes.count - 1] ^= 0x01
        let altered = district.directory.file("altered.fagu")
        try Data(bytes).write(to: URL(fileURLWithPath: altered))
        let failure = #expect(throws: CommandFailure.self) { try VerifyCommand.parse(["--home", hub, altered]).run() }
        #expect(failure?.exitCode == 1)
        let problems = try HomeChecks.fileProblems(altered, against: DoctorHome(hub, .en))
        #expect(problems.map(\.code) == [.signatureInvalid])
    }

    @Test("diff finds a change only one side holds (exit 1) and equality after a sync (exit 0), home to home and home to file")
    func diffFindsWhatOneSideLacks() throws {
        let (district, device, hub) = try syncedDistrict()
        try DiffCommand.parse([device, hub]).run()

        let field = try FieldReplica.open(home: device, configuration: TestDistrict.configuration)
        try field.logVisit("c02", note: "未同步的走访")
        let failure = #expect(throws: CommandFailure.self) { try DiffCommand.parse([device, hub, "--lang", "en"]).run() }
        #expect(failure?.exitCode == 1)
        let report = try DiffCommand.parse([device, hub]).compare(DiffSide(home: DoctorHome(device, .en)),
                                                                   DiffSide(home: DoctorHome(hub, .en)))
        #expect(report.lacks.count == 1)
        #expect(report.lacks.first?.lackedBy == "B" && report.lacks.first?.scope == "c02")
        #expect(report.lacks.first?.first.first?.contains("visit") == true)

        // The export of that change, against the hub: the file holds what the hub lacks.
        let export = district.directory.file("a001.fagu")
        _ = try field.export(to: export)
        #expect(throws: CommandFailure.self) { try DiffCommand.parse([export, hub]).run() }

        _ = try field.accept(district.hub.exchange(field.request().file).reply.file)
        try DiffCommand.parse([device, hub, "--json"]).run()
    }
}

/// A copy of the hub's home with one visit's hours changed in its table.
private func damagedHub(_ hub: String, in directory: TemporaryDirectory) throws -> String {
    let copy = directory.file("hub-edited")
    try FileManager.default.copyItem(atPath: hub, toPath: copy)
    let database = try DatabaseQueue(path: copy + "/hub.sqlite")
    try database.write { try $0.execute(sql: "UPDATE visit SET hours = 42 WHERE hours = 4") }
    try database.close()
    return copy
}

@Suite("fagu-doctor status and trace")
struct DoctorStatusAndTraceTests {
    @Test("status names a held-back group and the dot it waits for; a hub's status lists its devices with their lag")
    func statusNamesMissingDependency() throws {
        let district = try TestDistrict(prefix: "fagu-doctor-status")
        let writer = try district.join(.adviser, "a001", as: "a001")
        let reader = try district.join(.office, "c01", as: "office")
        let caseID = try writer.openCase("c01", "宅基地相邻权纠纷")
        try writer.replica.write { try $0.update(.legalCase, id: caseID, fields: ["status": .text("mediated")]) }
        let groups = try writer.replica.delta(for: ScopeVectors(), scopes: [.community("c01")])
        let creation = try #require(groups.first { $0.record == caseID && $0.fields.count > 1 })
        let update = try #require(groups.last { $0.record == caseID })
        // The office receives the update without the case's creation: it is held back.
        let report = try reader.replica.apply([update])
        #expect(report.heldBackGroups == 1)

        let status = try StatusReport(of: DoctorHome(district.directory.file("office"), .en), silentDays: 14)
        let held = try #require(status.heldBack.first)
        #expect(status.heldBack.count == 1 && held.record == caseID.description)
        #expect(held.waitingFor.contains(creation.dot(at: creation.fields.count - 1).description)
                || held.waitingFor.contains(creation.dot(at: 0).description), "\(held.waitingFor)")
        try StatusCommand.parse(["--home", district.directory.file("office"), "--lang", "zh"]).run()

        // The hub, before and after the adviser's first sync.
        let before = try StatusReport(of: DoctorHome(district.directory.file("hub"), .en), silentDays: 14)
        #expect(before.devices?.count == 2 && before.silentDevices?.count == 2, "never seen counts as silent")
        _ = try writer.accept(district.hub.exchange(writer.request().file).reply.file)
        let after = try StatusReport(of: DoctorHome(district.directory.file("hub"), .en), silentDays: 14)
        let adviser = try #require(after.devices?.first { $0.subject == "a001" })
        #expect(adviser.lastSeen?.hasSuffix("+08:00") == true && adviser.lag == 0)
        #expect(after.silentDevices == [reader.replica.id.description])
        try StatusCommand.parse(["--home", district.directory.file("hub"), "--json"]).run()
    }

    @Test("trace shows a resolved conflict: two concurrent writes, each naming the other, and the write that superseded both")
    func traceOfResolvedConflict() throws {
        let district = try TestDistrict(prefix: "fagu-doctor-trace")
        let adviser = try district.join(.adviser, "a001", as: "a001")
        let office = try district.join(.office, "c01", as: "office")
        func sync(_ device: FieldReplica) throws { _ = try device.accept(district.hub.exchange(device.request().file).reply.file) }
        let caseID = try adviser.openCase("c01", "宅基地相邻权纠纷")
        try sync(adviser)
        try sync(office)
        try adviser.replica.write { try $0.update(.legalCase, id: caseID, fields: ["status": .text("mediated")]) }
        try office.replica.write { try $0.update(.legalCase, id: caseID, fields: ["status": .text("referred")]) }
        for device in [adviser, office, adviser] { try sync(device) }
        #expect(try adviser.replica.openConflicts().count == 1)
        try adviser.replica.write { try $0.update(.legalCase, id: caseID, fields: ["status": .text("closed")]) }
        for device in [adviser, office] { try sync(device) }
        #expect(try office.replica.openConflicts().isEmpty)

        let home = try DoctorHome(district.directory.file("hub"), .en)
        let trace = RecordTrace(kind: .legalCase, record: caseID, changes: try home.replica.history(of: .legalCase, id: caseID))
        let statuses = trace.writes.filter { $0.fields["status"] != nil }
        // The two concurrent writes may carry the same millisecond: their order is not the point.
        #expect(statuses.map { $0.fields["status"]!.text }.sorted() == ["closed", "mediated", "open", "referred"])
        #expect(statuses.first?.fields["status"]?.text == "open" && statuses.last?.fields["status"]?.text == "closed")
        let mediated = try #require(statuses.first { $0.fields["status"]?.text == "mediated" })
        let referred = try #require(statuses.first { $0.fields["status"]?.text == "referred" })
        let closed = try #require(statuses.last)
        #expect(mediated.concurrentWith == referred.dots && referred.concurrentWith == mediated.dots)
        #expect(Set(closed.supersedes).isSuperset(of: mediated.dots + referred.dots))
        #expect(closed.concurrentWith.isEmpty)
        #expect(closed.parents.count == 2, "the resolution follows from both concurrent writes")
        try TraceCommand.parse([String(caseID.description.suffix(8)), "--home", district.directory.file("hub"), "--lang", "zh"]).run()
        try TraceCommand.parse([caseID.description, "--home", district.directory.file("a001"), "--json"]).run()
    }
}

@Suite("fagu-doctor bundle signatures")
struct BundleSignatureTests {
    @Test("bundle verifies a device's file with the hub's registry and a reply with the device's hub key; one altered byte exits 1")
    func verifiesSignatures() throws {
        let (district, device, hub) = try syncedDistrict()
        let field = try FieldReplica.open(home: device, configuration: TestDistrict.configuration)
        try field.logVisit("c01")
        let export = district.directory.file("a001.fagu")
        _ = try field.export(to: export)
        let file = [UInt8](try Data(contentsOf: URL(fileURLWithPath: export)))
        let header = try ChangeSetDecoder(schema: .legalAdvice).decodeHeader(file)
        #expect(try SignatureCheck.of(file, header: header, senderKey: nil, home: hub, .en).outcome == .verified)
        #expect(try SignatureCheck.of(file, header: header, senderKey: device, home: nil, .en).outcome == .verified)
        #expect(try SignatureCheck.of(file, header: header, senderKey: nil, home: nil, .en).outcome == .unchecked)
        try BundleCommand.parse([export, "--key", hub]).run()

        var altered = file
        altered[altered.count - 1] ^= 0x01
        let path = district.directory.file("altered.fagu")
        try Data(altered).write(to: URL(fileURLWithPath: path))
        #expect(try SignatureCheck.of(altered, header: header, senderKey: nil, home: hub, .en).outcome == .invalid)
        let failure = #expect(throws: CommandFailure.self) { try BundleCommand.parse([path, "--key", hub, "--lang", "en"]).run() }
        #expect(failure?.exitCode == 1)

        // The hub's reply, checked on the device with the hub's key it keeps.
        let reply = try district.hub.exchange(field.request().file).reply.file
        let replyPath = district.directory.file("reply.fagu")
        try Data(reply).write(to: URL(fileURLWithPath: replyPath))
        let replyHeader = try ChangeSetDecoder(schema: .legalAdvice).decodeHeader(reply)
        let check = try SignatureCheck.of(reply, header: replyHeader, senderKey: nil, home: device, .en)
        #expect(check.outcome == .verified && check.keySource == "hub")
        try BundleCommand.parse([replyPath, "--key", device, "--json"]).run()
    }
}
