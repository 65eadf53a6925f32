import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting

/// The work devices do, through the real write path, each write noted in the ledger as the
/// schedule made it.
extension Simulation {
    /// The nine kinds of work log, every duty an adviser records.
    static let logKinds: [RecordKind] = [.visit, .consultation, .mediation, .legalAid, .governance, .lecture, .commission,
                                         .incident, .caseNote]

    /// One write by a device at random: a new work log of any kind, a new case, an edit of a
    /// shared case of its community (often one other devices are editing too), or an edit
    /// of one of its own logs.
    func writeSomething() throws {
        var device = pickDevice()
        var community = try self.community(for: device)
        while community == nil {
            device = pickDevice()
            community = try self.community(for: device)
        }
        guard let community else { return }
        let roll = Int.random(in: 0..<100, using: &random)
        if roll < 25, try editCase(by: device, in: community) { return }
        if roll >= 80, try editOwnLog(by: device) { return }
        if roll >= 77, try enterOldWork(by: device) { return }
        if (45..<55).contains(roll) {
            try openCase(by: device, in: community)
        } else {
            try logWork(by: device, in: community)
        }
    }

    /// Where `device` works: an office in its community; an adviser in one of the communities
    /// its device believes it serves (what the hub's last reply named, stale while offline).
    /// Nil when an office has no adviser to log work for, or an adviser's device serves none.
    private func community(for device: SimulatedDevice) throws -> String? {
        if device.role == .office {
            return ledger.advisers(of: device.subject, on: today).ever.isEmpty ? nil : device.subject
        }
        let believed = try device.field().communityScopes.map(\.name)
        return believed.isEmpty ? nil : believed[Int.random(in: 0..<believed.count, using: &random)]
    }

    /// Whose work `device` logs in `community`: an adviser's own; an office's for an adviser
    /// appointed there today — or, one time in seven, one appointed there at some time (an
    /// office with an old roster, or entering old work).
    private func adviser(for device: SimulatedDevice, in community: String) -> String {
        guard device.role == .office else { return device.subject }
        let advisers = ledger.advisers(of: community, on: today)
        let pool = advisers.current.isEmpty || Int.random(in: 0..<7, using: &random) == 0 ? advisers.ever : advisers.current
        return pool[Int.random(in: 0..<pool.count, using: &random)]
    }

    /// The date of new work: mostly today, often a few days back, sometimes a week or more
    /// (a week's work entered at once).
    private func workDate() -> String {
        let roll = Int.random(in: 0..<100, using: &random)
        let back = roll < 70 ? 0 : roll < 95 ? Int.random(in: 1...3, using: &random) : Int.random(in: 4...10, using: &random)
        return CalendarClock.day(today, plus: -back)
    }

    /// Some text of `characters` characters.
    private func text(_ characters: ClosedRange<Int>) -> String {
        SampleText.text(characters: Int.random(in: characters, using: &random), using: &random)
    }

    /// One of `choices`.
    private func pick<T>(_ choices: [T]) -> T { choices[Int.random(in: 0..<choices.count, using: &random)] }

    /// Work an adviser did within an appointment that ended more than a week ago, entered
    /// only now (in a community the device may no longer receive): the hub must set it aside
    /// as late.
    ///
    /// - Returns: False when the device is an office's, or its adviser has no such appointment.
    private func enterOldWork(by device: SimulatedDevice) throws -> Bool {
        guard device.role == .adviser else { return false }
        let ended = ledger.appointments(of: device.subject).filter { appointment in
            appointment.end.map { CalendarClock.day($0, plus: Ledger.graceDays) < today } ?? false
        }
        guard !ended.isEmpty else { return false }
        let appointment = pick(ended)
        guard let end = appointment.end else { return false }
        let date = max(appointment.start, CalendarClock.day(end, plus: -Int.random(in: 0...3, using: &random)))
        try logWork(by: device, in: appointment.community, on: date)
        return true
    }

    /// A new work log of a kind at random, dated `date` or by ``workDate()``.
    private func logWork(by device: SimulatedDevice, in community: String, on date: String? = nil) throws {
        let field = try device.field()
        let id = field.replica.newRecordID()
        let adviser = adviser(for: device, in: community)
        let date = date ?? workDate()
        var kind = pick(Simulation.logKinds)
        let cases = ledger.cases(in: community)
        if kind == .caseNote && cases.isEmpty { kind = .visit }
        let fields: [String: FieldValue]
        switch kind {
        case .visit:
            fields = Visit(id: id, communityID: community, adviserID: adviser, date: date,
                           hours: Double(Int.random(in: 1...16, using: &random)) / 2,
                           note: Bool.random(using: &random) ? text(10...80) : nil).fieldValues
        case .consultation:
            let hard = Int.random(in: 0..<5, using: &random) == 0
            fields = Consultation(id: id, communityID: community, adviserID: adviser, date: date,
                                  topic: pick(ConsultationTopic.all).code, question: text(20...200),
                                  answer: hard ? nil : text(20...120), hard: hard,
                                  due: hard ? CalendarClock.day(date, plus: 5) : nil).fieldValues
        case .mediation:
            fields = Mediation(id: id, communityID: community, adviserID: adviser, date: date,
                               category: pick(ConsultationTopic.all).code, summary: text(30...200),
                               outcome: Bool.random(using: &random) ? "调解成功" : nil).fieldValues
        case .legalAid:
            fields = LegalAidReferral(id: id, communityID: community, adviserID: adviser, date: date, summary: text(20...120),
                                      status: .referred).fieldValues
        case .governance:
            fields = GovernanceItem(id: id, communityID: community, adviserID: adviser, date: date,
                                    kind: pick(GovernanceItem.Kind.allCases), summary: text(20...160)).fieldValues
        case .lecture:
            fields = Lecture(id: id, communityID: community, adviserID: adviser, date: date, topic: "民法典进社区",
                             attendees: Int64.random(in: 10...120, using: &random)).fieldValues
        case .commission:
            fields = Commission(id: id, communityID: community, adviserID: adviser, date: date,
                                kind: pick(Commission.Kind.allCases), summary: text(20...160)).fieldValues
        case .incident:
            fields = IncidentReport(id: id, communityID: community, adviserID: adviser, date: date,
                                    level: pick(IncidentReport.Level.allCases), summary: text(20...160)).fieldValues
        default:
            fields = CaseNote(id: id, communityID: community, adviserID: adviser, date: date,
                              caseID: pick(Array(cases.suffix(10))).description, note: text(10...120)).fieldValues
        }
        let written = fields.filter { !$0.value.isNull }
        try record(field.replica.write { try $0.insert(kind, id: id, fields: written) }, by: device, community: community,
                   creation: true, intended: written)
    }

    /// A new case in `community`.
    private func openCase(by device: SimulatedDevice, in community: String) throws {
        let field = try device.field()
        let id = field.replica.newRecordID()
        let fields = LegalCase(id: id, communityID: community, adviserID: adviser(for: device, in: community), date: workDate(),
                               title: text(8...30), status: .open).fieldValues
        try record(field.replica.write { try $0.insert(.legalCase, id: id, fields: fields) }, by: device, community: community,
                   creation: true, intended: fields)
    }

    /// An edit of the status or title (or both) of one of the last cases opened in
    /// `community` that the device holds — cases other devices of the community edit too.
    ///
    /// - Returns: False when the device holds none of them.
    private func editCase(by device: SimulatedDevice, in community: String) throws -> Bool {
        let field = try device.field()
        let held = try ledger.cases(in: community).suffix(6).filter { try field.replica.record(.legalCase, id: $0) != nil }
        guard !held.isEmpty else { return false }
        let target = pick(held)
        var fields: [String: FieldValue] = [:]
        if Bool.random(using: &random) { fields["status"] = .text(pick(RecordKind.caseStatuses)) }
        if fields.isEmpty || Int.random(in: 0..<3, using: &random) == 0 { fields["title"] = .text(text(8...30)) }
        try record(field.replica.write { try $0.update(.legalCase, id: target, fields: fields) }, by: device,
                   community: community, creation: false, intended: fields)
        figures.caseEdits += 1
        return true
    }

    /// An edit of one of the device's own recent logs: the field an adviser corrects later.
    ///
    /// - Returns: False when the device has logged nothing yet.
    private func editOwnLog(by device: SimulatedDevice) throws -> Bool {
        let mine = ledger.logs(of: device.index).suffix(30)
        guard !mine.isEmpty, let creation = ledger.creation(of: pick(Array(mine))) else { return false }
        let fields: [String: FieldValue]
        switch creation.kind {
        case .visit:
            fields = Bool.random(using: &random) ? ["hours": .real(Double(Int.random(in: 1...16, using: &random)) / 2)]
                : ["note": Int.random(in: 0..<4, using: &random) == 0 ? .null : .text(text(10...80))]
        case .consultation: fields = ["answer": .text(text(20...120))]
        case .mediation: fields = ["outcome": .text(pick(["调解成功", "调解未成", "转诉讼"]))]
        case .legalAid: fields = ["status": .text(pick(LegalAidReferral.Status.allCases).rawValue)]
        case .lecture: fields = ["attendees": .integer(Int64.random(in: 10...120, using: &random))]
        case .caseNote: fields = ["note": .text(text(10...120))]
        default: fields = ["summary": .text(text(20...160))]
        }
        let field = try device.field()
        try record(field.replica.write { try $0.update(creation.kind, id: creation.record, fields: fields) }, by: device,
                   community: creation.community, creation: false, intended: fields)
        return true
    }

    /// Notes `group` in the ledger as the write the schedule meant: `intended`, by `device`,
    /// today, in `community`. A group that is not that write breaks a guarantee.
    private func record(_ group: ChangeGroup, by device: SimulatedDevice, community: String, creation: Bool,
                        intended: [String: FieldValue]) throws {
        var fields: [LedgerField] = []
        for (index, change) in group.fields.enumerated() {
            let type = group.kind.fields.first { $0.name == change.field }?.type
            fields.append(LedgerField(name: change.field, value: type?.normalized(intended[change.field] ?? .null) ?? .null,
                                      dot: group.dot(at: index), context: change.context))
            if let type, type.normalized(change.value) != type.normalized(intended[change.field] ?? .null) {
                fail("the write path wrote \(change.field) = \(change.value) where \(device.subject) wrote "
                     + "\(intended[change.field] ?? .null)")
            }
        }
        if Set(group.fields.map(\.field)) != Set(intended.keys) || group.scope.name != community
            || group.origin != device.origin || group.time.shanghaiDay != today {
            fail("the write path made \(group) of \(device.subject)'s write of \(intended.keys.sorted()) in \(community) "
                 + "on \(today)")
        }
        ledger.note(LedgerWrite(number: ledger.writes.count, device: device.index, role: device.role, subject: device.subject,
                                origin: device.origin, kind: group.kind, record: group.record, community: community,
                                creation: creation, fields: fields, firstCounter: group.firstCounter, day: day,
                                writtenOn: today))
        figures.writes += 1
        figures.writesByKind[group.kind.rawValue, default: 0] += 1
    }
}
