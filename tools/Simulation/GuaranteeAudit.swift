import FaguDomain
import FaguMerge
import FaguModel
import FaguStore
import FaguSync

/// The end-of-run check of a simulation against its ledger, after the last clean syncs:
///
/// 1. every write is at the hub — each field's value under the write's dot, current or in
///    the record's history — or set aside there with the code the ledger's own rule gives
///    (and listed as set aside on the device that wrote it); nothing else is set aside;
/// 2. every record at the hub holds, field by field, what the ledger says: for a field only
///    one device wrote, its last value; for a field several devices wrote, exactly the
///    writes no other write had seen (the open conflict), none lost, none invented;
/// 3. every device equals the hub in each scope it receives (digest, else record by record
///    apart from its own set-aside work), and holds the same field values the ledger gives;
/// 4. no device holds a record of a community it never served, nor anyone's set-aside work
///    but its own, nor a record no one wrote; nothing is pending or held back anywhere; the
///    roster is the ledger's.
struct GuaranteeAudit {
    /// The hub.
    let hub: Hub
    /// The devices.
    let devices: [SimulatedDevice]
    /// What the schedule did.
    let ledger: Ledger
    /// Every guarantee found broken, as a sentence.
    var failures: [String] = []
    /// The hub's set-aside groups, by code.
    private(set) var setAsideByCode: [String: Int] = [:]
    /// Fields in conflict at the hub.
    private(set) var openConflicts = 0
    /// Scopes (device by device) whose digest equals the hub's.
    private(set) var scopesEqualByDigest = 0
    /// Scopes equal to the hub's record by record, apart from the device's own set-aside work.
    private(set) var scopesEqualButOwnSetAside = 0
    private var outcomes: [ExpectedOutcome] = []
    private var expected: [RecordID: [String: [Dot: FieldValue]]] = [:]

    /// An audit of `hub` and `devices` against `ledger`.
    init(hub: Hub, devices: [SimulatedDevice], ledger: Ledger) {
        self.hub = hub
        self.devices = devices
        self.ledger = ledger
    }

    /// The kinds of record devices write (all but the roster's).
    static let workKinds = RecordKind.allCases.filter { !$0.isRoster }

    /// Runs every check.
    mutating func run() throws {
        outcomes = ledger.outcomes()
        expected = expectedRegisters()
        let hubRecords = try GuaranteeAudit.records(of: hub.replica)
        try checkEveryWrite(hubRecords: hubRecords)
        checkHubRecords(hubRecords)
        for device in devices { try check(device, hubRecords: hubRecords) }
        try checkRoster()
        if try hub.replica.heldBackCount() != 0 {
            failures.append("the hub still holds back \(try hub.replica.heldBackCount()) groups waiting for what they depend on")
        }
        openConflicts = try hub.replica.openConflicts().count
    }

    /// Every record of a work kind `replica` holds, by id.
    static func records(of replica: Replica) throws -> [RecordID: StoredRecord] {
        var records: [RecordID: StoredRecord] = [:]
        for kind in workKinds {
            for record in try replica.records(kind) { records[record.id] = record }
        }
        return records
    }

    // MARK: 1. Every write accounted for

    private mutating func checkEveryWrite(hubRecords: [RecordID: StoredRecord]) throws {
        var atHub: [String: SetAsideEntry] = [:]
        for entry in try hub.replica.setAsideEntries() {
            setAsideByCode[entry.code, default: 0] += 1
            atHub["\(entry.scope)/\(entry.origin):\(entry.counter)"] = entry
        }
        var onDevice: [Int: [String: SetAsideEntry]] = [:]
        var explained: Set<String> = []
        var histories: [RecordID: [RecordChange]] = [:]
        for (write, outcome) in zip(ledger.writes, outcomes) {
            let key = "\(write.community)/\(write.origin):\(write.firstCounter)"
            if let entry = atHub[key] {
                explained.insert(key)
                guard case .setAside(let code, let because) = outcome else {
                    failures.append("\(write.label) was set aside by the hub (\(entry.code): \(entry.reason)), but the ledger "
                                    + "finds nothing against it")
                    continue
                }
                if entry.code != code {
                    failures.append("\(write.label) was set aside as \(entry.code) (\(entry.reason)), but the ledger expects "
                                    + "\(code): \(because)")
                }
                if entry.reason.isEmpty { failures.append("\(write.label) was set aside with no reason") }
                if entry.record != write.record.description || entry.count != write.fields.count {
                    failures.append("the hub's set-aside entry \(key) names \(entry.record) (\(entry.count) changes), not \(write.label)")
                }
                if onDevice[write.device] == nil {
                    onDevice[write.device] = Dictionary(try devices[write.device].field().replica.setAsideEntries().map {
                        ("\($0.scope)/\($0.origin):\($0.counter)", $0)
                    }, uniquingKeysWith: { first, _ in first })
                }
                if onDevice[write.device]?[key]?.code != entry.code {
                    failures.append("\(write.subject)'s device does not list \(write.label) as set aside (\(entry.code))")
                }
                continue
            }
            let registers = hubRecords[write.record]?.registers ?? [:]
            let allCurrent = write.fields.allSatisfy { field in registers[field.name]?.entries.contains { $0.dot == field.dot } == true }
            // The history is one pass over the hub's log: read only when a value is not current.
            if !allCurrent || outcome != .arrives, histories[write.record] == nil {
                histories[write.record] = try hub.replica.history(of: write.kind, id: write.record)
            }
            let history = histories[write.record] ?? []
            if case .setAside(let code, let because) = outcome {
                let held = history.first { $0.dot == write.fields[0].dot }
                let what = held.map { $0.setAside.map { "holds it set aside (\($0)) without listing it" } ?? "applied it" }
                failures.append("\(write.label) should have been set aside as \(code) (\(because)), but the hub "
                                + (what ?? "never received it"))
                continue
            }
            var lost: [String] = []
            for field in write.fields {
                let current = registers[field.name]?.entries.first { $0.dot == field.dot }
                // Superseded since, it must be in the record's history, applied.
                let change = history.first { $0.dot == field.dot }
                if let value = current?.value ?? change?.value, change?.setAside == nil {
                    if value != field.value || change.map({ $0.field != field.name }) == true {
                        failures.append("\(write.label): the hub holds \(change?.field ?? field.name) = \(value) under the dot of "
                                        + "its \(field.name) = \(field.value)")
                    }
                } else if let code = change?.setAside {
                    failures.append("\(write.label): the hub's history has its \(field.name) set aside (\(code)) with no entry")
                } else {
                    lost.append(field.name)
                }
            }
            if !lost.isEmpty {
                failures.append("\(write.label) is lost: neither at the hub nor set aside there (\(lost.joined(separator: ", ")))")
            }
        }
        for key in atHub.keys.sorted() where !explained.contains(key) {
            let entry = atHub[key]!
            failures.append("the hub set aside \(entry.kind) \(entry.record) (\(key), \(entry.code): \(entry.reason)), which no "
                            + "write of the ledger explains")
        }
    }

    // MARK: 2. The hub's records, field by field

    /// Per record whose creation arrives, per field: the entries its register must hold.
    ///
    /// A field one device wrote holds that device's last accepted value. A field several
    /// devices wrote holds every accepted write that no other accepted write had seen — the
    /// context each write carried when it was made tells what its writer had seen.
    private func expectedRegisters() -> [RecordID: [String: [Dot: FieldValue]]] {
        var expected: [RecordID: [String: [Dot: FieldValue]]] = [:]
        for record in ledger.records {
            guard let creation = ledger.creation(of: record), outcomes[creation.number] == .arrives else { continue }
            var byField: [String: [(device: Int, field: LedgerField)]] = [:]
            for write in ledger.writes(of: record) where outcomes[write.number] == .arrives {
                for field in write.fields { byField[field.name, default: []].append((write.device, field)) }
            }
            var registers: [String: [Dot: FieldValue]] = [:]
            for (name, writes) in byField {
                if Set(writes.map(\.device)).count == 1, let last = writes.last {
                    registers[name] = [last.field.dot: last.field.value]
                } else {
                    let dots = Set(writes.map(\.field.dot))
                    let seen = Set(writes.flatMap(\.field.context)).intersection(dots)
                    registers[name] = Dictionary(writes.filter { !seen.contains($0.field.dot) }.map { ($0.field.dot, $0.field.value) },
                                                 uniquingKeysWith: { first, _ in first })
                }
            }
            expected[record] = registers
        }
        return expected
    }

    private mutating func checkHubRecords(_ hubRecords: [RecordID: StoredRecord]) {
        for record in ledger.records {
            guard let creation = ledger.creation(of: record) else {
                failures.append("record \(record) was changed but never created by the schedule")
                continue
            }
            guard let registers = expected[record] else {
                if hubRecords[record] != nil {
                    failures.append("the hub holds \(creation.kind.rawValue) \(record), though it set aside its creation")
                }
                continue
            }
            guard let stored = hubRecords[record] else {
                failures.append("the hub lacks \(creation.kind.rawValue) \(record), created by \(creation.label)")
                continue
            }
            compare(stored, with: registers, at: "the hub")
        }
        for id in hubRecords.keys.sorted() where ledger.creation(of: id) == nil {
            failures.append("the hub holds \(hubRecords[id]!.kind.rawValue) \(id), which no device wrote")
        }
    }

    /// Notes every field of `stored` (but those `skipping` names) whose entries differ from
    /// `registers`.
    private mutating func compare(_ stored: StoredRecord, with registers: [String: [Dot: FieldValue]], at place: String,
                                  skipping: Set<String> = []) {
        let storedRegisters = stored.registers
        for name in Set(registers.keys).union(storedRegisters.keys).sorted() where !skipping.contains(name) {
            let held = Dictionary((storedRegisters[name]?.entries ?? []).map { ($0.dot, $0.value) },
                                  uniquingKeysWith: { first, _ in first })
            let wanted = registers[name] ?? [:]
            guard held != wanted else { continue }
            failures.append("\(place): \(stored.kind.rawValue) \(stored.id).\(name) holds \(describe(held)), but the ledger "
                            + "gives \(describe(wanted))")
        }
    }

    private func describe(_ entries: [Dot: FieldValue]) -> String {
        entries.isEmpty ? "nothing" : entries.sorted { $0.key < $1.key }.map { "\($0.value) by \($0.key)" }.joined(separator: ", ")
    }

    // MARK: 3 and 4. Every device

    private mutating func check(_ device: SimulatedDevice, hubRecords: [RecordID: StoredRecord]) throws {
        let field = try device.field()
        let name = "\(device.subject)'s device"
        // Fields its own set-aside work wrote: held here as written, not as the hub holds them.
        var touched: [RecordID: Set<String>] = [:]
        for write in ledger.writes where write.device == device.index && outcomes[write.number] != .arrives {
            touched[write.record, default: []].formUnion(write.fields.map(\.name))
        }
        let held = try GuaranteeAudit.records(of: field.replica)
        let scopes = try field.scopes
        for scope in scopes {
            if try field.replica.digest(scopes: [scope]) == hub.replica.digest(scopes: [scope]) {
                scopesEqualByDigest += 1
                continue
            }
            if scope == .roster {
                failures.append("\(name) holds another roster than the hub's")
                continue
            }
            let ids = Set(held.values.filter { $0.scope == scope }.map(\.id))
                .union(hubRecords.values.filter { $0.scope == scope }.map(\.id))
            let differing = ids.filter { id in
                guard held[id] != hubRecords[id] else { return false }
                guard let fields = touched[id], let mine = held[id] else { return true }
                // Its own set-aside creation: the hub never held it.
                guard let theirs = hubRecords[id] else { return false }
                let (ours, hubs) = (mine.registers, theirs.registers)
                return Set(ours.keys).union(hubs.keys).contains { !fields.contains($0) && ours[$0] != hubs[$0] }
            }.sorted()
            guard let first = differing.first else {
                scopesEqualButOwnSetAside += 1
                continue
            }
            let missing = differing.filter { held[$0] == nil }.count
            failures.append("\(name) differs from the hub in \(scope): \(differing.count) records (\(missing) missing), e.g. "
                            + "\(hubRecords[first]?.kind.rawValue ?? held[first]?.kind.rawValue ?? "?") \(first)")
        }
        let served = ledger.communitiesEverServed(role: device.role, subject: device.subject)
        for id in held.keys.sorted() {
            let stored = held[id]!
            guard let creation = ledger.creation(of: id) else {
                failures.append("\(name) holds \(stored.kind.rawValue) \(id), which no device wrote")
                continue
            }
            let own = creation.device == device.index
            if !own && !served.contains(stored.scope.name) {
                failures.append("\(name) holds \(stored.kind.rawValue) \(id) of \(stored.scope), which it never served")
            }
            if !own && outcomes[creation.number] != .arrives {
                failures.append("\(name) holds \(stored.kind.rawValue) \(id), whose creation the hub set aside")
            }
            if scopes.contains(stored.scope), let registers = expected[id] {
                compare(stored, with: registers, at: name, skipping: touched[id] ?? [])
            }
        }
        let pending = try field.pendingChanges()
        if pending != 0 { failures.append("\(name) has \(pending) changes the hub never acknowledged") }
        let heldBack = try field.replica.heldBackCount()
        if heldBack != 0 { failures.append("\(name) holds back \(heldBack) groups waiting for what they depend on") }
    }

    private mutating func checkRoster() throws {
        let held = Set(try hub.replica.typedRecords(Appointment.self).map { "\($0.id) \($0.start)…\($0.end ?? "")" })
        let wanted = Set(ledger.appointments.map { "\($0.code) \($0.start)…\($0.end ?? "")" })
        if held != wanted {
            failures.append("the hub's appointments differ from the ledger's: it lacks \(wanted.subtracting(held).sorted()) and "
                            + "holds \(held.subtracting(wanted).sorted())")
        }
    }
}
