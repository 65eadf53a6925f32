import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import FaguWire
import Foundation
import Testing

/// The field events that used to stop a device for good, each tried end to end through real
/// replicas and the hub: the device keeps syncing, both sides show what was set aside and
/// why, and nothing is lost.
@Suite("No device is ever stuck")
struct NeverStuckTests {
    /// a001 serves c01 and c02 from 2026-01-01; the c02 appointment ends on 2026-06-30.
    func districtWhereC02Ends(on day: String = "2026-06-20") throws -> (District, CalendarClock, FieldReplica) {
        let clock = CalendarClock(day: day)
        let district = try District(clock: clock)
        _ = try district.hub.writeRoster(communities: [], advisers: [], appointments: [
            Appointment(id: .code("a001@c02@2026-01-01"), adviserID: "a001", communityID: "c02", start: "2026-01-01",
                        end: "2026-06-30"),
        ])
        let a001 = try district.join(.adviser, "a001", as: "a001")
        return (district, clock, a001)
    }

    func sync(_ device: FieldReplica, _ district: District) async throws -> SyncSummary {
        try await device.sync(over: InProcessTransport(hub: district.hub))
    }

    @Test("1. an appointment ends before the adviser syncs: work dated within it arrives, later work is set aside, c01 keeps flowing")
    func appointmentEndsBeforeSync() async throws {
        let (district, clock, a001) = try districtWhereC02Ends()
        _ = try await sync(a001, district)
        clock.set(day: "2026-06-29")
        let inC02 = try a001.logVisit("c02", date: "2026-06-29")    // offline
        clock.set(day: "2026-07-01")
        let inC01 = try a001.logVisit("c01", date: "2026-07-01")
        _ = try await sync(a001, district)
        #expect(try district.hub.replica.record(.visit, id: inC02) != nil, "work dated within the appointment counts")
        #expect(try district.hub.replica.record(.visit, id: inC01) != nil)
        #expect(try a001.replica.setAsideEntries().isEmpty)

        // Work dated after the end, from a device that did not check (or whose roster was old).
        let late = try a001.logVisit("c02", date: "2026-07-01")
        let next = try a001.logVisit("c01", date: "2026-07-01")
        let summary = try await sync(a001, district)
        #expect(summary.sentChanges > 0)
        #expect(try district.hub.replica.record(.visit, id: late) == nil)
        #expect(try district.hub.replica.record(.visit, id: next) != nil, "one refused group never blocks the rest")
        #expect(try district.hub.replica.setAsideEntries(origin: a001.replica.id).map(\.code) == ["after_appointment"])
        #expect(try a001.replica.setAsideEntries().map(\.code) == ["after_appointment"])
        #expect(try a001.replica.setAsideEntries().first?.record == late.description)
        #expect(try a001.pendingChanges() == 0, "acknowledged, so never re-sent")
        #expect(try a001.replica.record(.visit, id: late) != nil, "the device still holds what it wrote")
        #expect(try await sync(a001, district).sentChanges == 0)

        // More than 7 days after the end: work dated within it is late, and c02 is no longer sent.
        clock.set(day: "2026-07-09")
        let tooLate = try a001.logVisit("c02", date: "2026-06-28")
        _ = try await sync(a001, district)
        #expect(try a001.replica.setAsideEntries().map(\.code).sorted() == ["after_appointment", "late_for_appointment"])
        #expect(try a001.scopes.map(\.name) == ["c01", "roster"])
        #expect(try district.hub.replica.record(.visit, id: tooLate) == nil)
        let office = try district.join(.office, "c02", as: "office-c02")
        let officeVisit = try office.logVisit("c02", date: "2026-07-09", adviser: "a001")
        _ = try await sync(office, district)
        _ = try await sync(a001, district)
        #expect(try a001.replica.record(.visit, id: officeVisit) == nil, "an ended community is no longer received")
        #expect(try a001.replica.record(.visit, id: inC02) != nil, "what the device held stays readable")
        #expect(try a001.pendingChanges() == 0)
    }

    @Test("2. a long note of repeated text, and three long notes, reach the hub and every peer")
    func longRepetitiveText() async throws {
        let district = try District()
        let a001 = try district.join(.adviser, "a001", as: "a001")
        let office = try district.join(.office, "c01", as: "office")
        let long = String(repeating: "好", count: 40_000)             // 120,000 bytes: inflates ~2,000×
        let visit = try a001.logVisit("c01", note: long)
        for index in 0..<3 { try a001.logVisit("c01", note: String(repeating: "调解\(index)", count: 15_000)) }
        _ = try await sync(a001, district)
        _ = try await sync(office, district)
        #expect(try office.replica.record(.visit, id: visit)?.fields["note"] == .text(long))
        #expect(try office.replica.records(.visit, community: "c01").count == 4)
        #expect(try office.digest() == district.hub.replica.digest(scopes: office.scopes))
        #expect(try a001.replica.setAsideEntries().isEmpty && office.replica.setAsideEntries().isEmpty)

        // Past the field's limit the write path refuses, clearly, and writes nothing.
        let tooLong = String(repeating: "好", count: FieldType.maxTextBytes / 3 + 1)
        let refusal = #expect(throws: ReplicaError.self) { try a001.logVisit("c01", note: tooLong) }
        #expect(refusal?.code == .valueTooLong)
        #expect(try a001.replica.records(.visit, community: "c01").count == 4)
    }

    @Test("2. a reply of many long texts is paged under the limits and every page is accepted")
    func longTextsArePaged() async throws {
        let district = try District()
        let a001 = try district.join(.adviser, "a001", as: "a001")
        let office = try district.join(.office, "c01", as: "office")
        let note = String(repeating: "据实记录", count: FieldType.maxTextBytes / 12)
        for _ in 0..<80 { try a001.logVisit("c01", note: note) }    // ~10 MiB of text
        let sent = try await sync(a001, district)
        let received = try await sync(office, district)
        #expect(sent.rounds >= 2 && received.rounds >= 2, "paged at about 8 MiB of values")
        #expect(try office.replica.records(.visit, community: "c01").count == 80)
    }

    @Test("3. a copied replica: the second copy to sync is refused replica_forked, alerted, and recovered with every write")
    func copiedReplica() async throws {
        let district = try District()
        let (original, _) = try district.enroll(.adviser, "a001", as: "laptop")
        _ = try await sync(original, district)
        try original.replica.close()
        try FileManager.default.copyItem(atPath: district.directory.file("laptop"), toPath: district.directory.file("copy"))
        let laptop = try FieldReplica.open(home: district.directory.file("laptop"), configuration: district.configuration)
        let copy = try FieldReplica.open(home: district.directory.file("copy"), configuration: district.configuration)
        let onLaptop = try laptop.logVisit("c01", note: "在原电脑上")
        let onCopy = [try copy.logVisit("c01", note: "在复制的电脑上"), try copy.logVisit("c02", note: "也在复制的电脑上")]
        _ = try await sync(laptop, district)
        let refusal = await #expect(throws: SyncRefusal.self) { try await sync(copy, district) }
        #expect(refusal?.code == .replicaForked)
        #expect(try district.hub.replica.forkAlerts().map(\.subject) == ["a001"])
        #expect(try copy.forkedReason() != nil, "the copy stops writing under that identity")
        #expect(throws: SyncRefusal.self) { try copy.request() }
        let write = #expect(throws: ReplicaError.self) { try copy.logVisit("c01") }
        #expect(write?.code == .replicaForked, "refused by the write path itself, whatever command writes")

        // Recovery: a new enrollment for the same adviser; nothing the copy wrote is lost.
        let fresh = try district.hub.enroll(.adviser, subject: "a001", hubURL: "", today: "2026-11-26")
        let recovery = try FieldReplica.recover(home: district.directory.file("copy"), enrollment: fresh,
                                                configuration: district.configuration)
        #expect(recovery.rewrittenGroups == 2)
        #expect(FileManager.default.fileExists(atPath: recovery.keptAt + "/replica.sqlite"))
        let recovered = try FieldReplica.open(home: district.directory.file("copy"), configuration: district.configuration)
        #expect(recovered.replica.id == recovery.newReplica)
        _ = try await sync(recovered, district)
        _ = try await sync(laptop, district)
        for id in [onLaptop] + onCopy {
            #expect(try district.hub.replica.record(.visit, id: id) != nil)
            #expect(try laptop.replica.record(.visit, id: id) != nil)
        }
        #expect(try recovered.digest() == district.hub.replica.digest(scopes: recovered.scopes))
        #expect(try recovered.pendingChanges() == 0)
    }

    @Test("3. a restored backup behind the hub is refused replica_forked, whether it wrote since or not")
    func restoredBackup() async throws {
        let district = try District()
        let device = try district.join(.adviser, "a001", as: "laptop")
        try device.logVisit("c01")
        _ = try await sync(device, district)
        try device.replica.close()
        let home = district.directory.file("laptop"), backup = district.directory.file("backup")
        try FileManager.default.copyItem(atPath: home, toPath: backup)
        var laptop = try FieldReplica.open(home: home, configuration: district.configuration)
        try laptop.logVisit("c01", note: "备份之后")
        _ = try await sync(laptop, district)
        try laptop.replica.close()
        // Restore last week's backup over the home: the hub holds more of this device than it does.
        try FileManager.default.removeItem(atPath: home)
        try FileManager.default.copyItem(atPath: backup, toPath: home)
        laptop = try FieldReplica.open(home: home, configuration: district.configuration)
        let quiet = await #expect(throws: SyncRefusal.self) { try await sync(laptop, district) }
        #expect(quiet?.code == .replicaForked, "a newer file holding fewer of its own changes than the hub")
        #expect(try laptop.forkedReason() != nil)
        #expect(try district.hub.replica.forkAlerts().count == 1)

        // A restored backup that wrote since is refused at the hub, with an alert.
        try FileManager.default.removeItem(atPath: home)
        try FileManager.default.copyItem(atPath: backup, toPath: home)
        laptop = try FieldReplica.open(home: home, configuration: district.configuration)
        try laptop.logVisit("c01", note: "恢复之后")
        let before = try district.hubState()
        let loud = await #expect(throws: SyncRefusal.self) { try await sync(laptop, district) }
        #expect(loud?.code == .replicaForked)
        #expect(try district.hubState().digest == before.digest)
        #expect(try district.hub.replica.forkAlerts().count == 2)
    }

    @Test("4. a new appointment: the device adopts the community at its next sync and receives all of it")
    func newAppointment() async throws {
        let district = try District()
        let a001 = try district.join(.adviser, "a001", as: "a001")
        let office = try district.join(.office, "c03", as: "office-c03")
        let earlier = try office.logVisit("c03", adviser: "a002")
        let matter = try office.openCase("c03", "宅基地纠纷")
        _ = try await sync(office, district)
        _ = try await sync(a001, district)
        #expect(try a001.scopes.map(\.name) == ["c01", "c02", "roster"])
        _ = try district.hub.writeRoster(communities: [], advisers: [], appointments: [
            Appointment(id: .code("a001@c03@2026-11-01"), adviserID: "a001", communityID: "c03", start: "2026-11-01"),
        ])
        _ = try await sync(a001, district)
        #expect(try a001.scopes.map(\.name) == ["c01", "c02", "c03", "roster"])
        #expect(try a001.replica.record(.visit, id: earlier) != nil)
        #expect(try a001.replica.record(.legalCase, id: matter) != nil)
        #expect(try a001.replica.digest(scopes: [.community("c03")]) == district.hub.replica.digest(scopes: [.community("c03")]))
        let mine = try a001.logVisit("c03")
        _ = try await sync(a001, district)
        #expect(try district.hub.replica.record(.visit, id: mine) != nil)
    }

    @Test("5. an update never arrives before its record's creation: it waits, and no partial record is ever held")
    func updateWaitsForCreation() throws {
        let district = try District()
        let office = try district.join(.office, "c01", as: "office")
        let a001 = try district.join(.adviser, "a001", as: "a001")
        let matter = try office.openCase("c01", "土地承包纠纷")
        let creation = try office.replica.delta(for: .init(), scopes: [.community("c01")])
        _ = try a001.replica.apply(creation)
        try a001.replica.write { try $0.update(.legalCase, id: matter, fields: ["status": .text("in_progress")]) }
        let update = try a001.replica.delta(for: .init(), scopes: [.community("c01")]).filter { $0.origin == a001.replica.id }
        #expect(update.count == 1)
        // The update alone, as a page cut between them might deliver it, to a third replica.
        let third = try Replica.create(at: district.directory.file("third.sqlite"), id: .random(), author: "office:c01",
                                       configuration: district.configuration)
        let first = try third.apply(update)
        #expect(first.heldBackGroups == 1 && first.appliedGroups == 0)
        #expect(try third.record(.legalCase, id: matter) == nil, "no partial record")
        let second = try third.apply(creation)
        #expect(second.appliedGroups == 2)
        #expect(try third.fetch(LegalCase.self, id: matter)?.status == .inProgress)

        // A group that changes a record nobody created (no dependency named) is set aside.
        var orphan = update[0]
        orphan.record = .uuid(UUID())
        orphan.fields = orphan.fields.map { FieldChange(field: $0.field, value: $0.value) }
        let fourth = try Replica.create(at: district.directory.file("fourth.sqlite"), id: .random(), author: "office:c01",
                                        configuration: district.configuration)
        _ = try fourth.apply(creation.filter { $0.record != matter })
        orphan.firstCounter = 1
        orphan.previousHash = GroupHash.genesis
        let report = try fourth.apply([orphan])
        #expect(report.setAside.map { $0.setAside?.code } == ["missing_creation"])
        #expect(try fourth.records(.legalCase).isEmpty)
    }

    @Test("6. a group that writes one field twice is the sender's fault: set aside, the rest applied, never hub_failure")
    func malformedGroupIsTheSenders() throws {
        let district = try District()
        let a001 = try district.join(.adviser, "a001", as: "a001")
        _ = try a001.accept(district.hub.exchange(a001.request().file).reply.file)   // registers its key
        let good = try a001.logVisit("c01")
        var groups = try a001.replica.delta(for: .init(), scopes: [.community("c01")])
        let bad = ChangeGroup(origin: a001.replica.id, scope: .community("c01"), kind: .legalCase, record: .uuid(UUID()),
                              firstCounter: groups[0].lastCounter + 1, time: a001.replica.now(), author: "a001",
                              fields: [FieldChange(field: "title", value: .text("一")), FieldChange(field: "title", value: .text("二"))],
                              previousHash: groups[0].chainHash)
        groups.append(bad)
        let file = try craftFile(from: a001, home: district.directory.file("a001"), groups: groups)
        let receipt = try district.hub.receive(file)
        #expect(receipt.report.appliedGroups == 1)
        #expect(receipt.report.setAside.map { $0.setAside?.code } == ["malformed_group"])
        #expect(try district.hub.replica.record(.visit, id: good) != nil)

        // In the nightly merge, a damaged file goes to rejected/ with its reason and is never retried.
        let inbox = district.directory.file("inbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try Data(file.prefix(60)).write(to: URL(fileURLWithPath: inbox + "/a001-damaged.fagu"))
        let merged = try NightlyMerge(hub: district.hub, inbox: inbox, outbox: nil).run(day: "20261127")
        #expect(merged.inbox.map(\.applied) == [false])
        #expect(FileManager.default.fileExists(atPath: inbox + "/rejected/a001-damaged.fagu.reason.txt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox).filter { $0.hasSuffix(".fagu") }.isEmpty)
    }
}
