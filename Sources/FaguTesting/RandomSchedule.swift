import FaguMerge
import FaguDomain
import FaguModel
import FaguStore
import Foundation

/// One random run: 5 replicas writing, including concurrent edits of the same fields and
/// concurrent creations of the same coded records (appointments, whose adviser and
/// community are fixed at creation), exchanging deltas that are shuffled, lost, duplicated,
/// re-batched, replayed late and cut off by partitions; then a full exchange.
public struct RandomSchedule {
    /// A dot with its scope: the unique name of a change.
    public struct ScopedDot: Hashable, Sendable {
        public var scope: ScopeID
        public var dot: Dot
    }

    /// One change as the oracle remembers it.
    public struct Written: Sendable {
        public var kind: RecordKind
        public var record: RecordID
        public var field: String
        public var value: FieldValue
        public var context: [Dot]
    }

    /// The seed that fixes the whole run.
    public let seed: UInt64
    let directory: TemporaryDirectory
    /// The five replicas.
    public let replicas: [Replica]
    /// The communities whose cases and visits are written.
    let communities = [ScopeID.community("c01"), ScopeID.community("c02")]
    /// The scopes written: the communities, and the roster (appointments).
    public var scopes: [ScopeID] { communities + [.roster] }
    var random: SeededGenerator
    /// Every change written anywhere, by scope and dot (dots are unique per scope): the oracle.
    public private(set) var written: [ScopedDot: Written] = [:]
    /// Every record created.
    public private(set) var records: [(kind: RecordKind, id: RecordID, creator: Int)] = []
    /// How many appointments were created where another replica had created them already,
    /// and how many writes chose among the values of a fixed field in conflict.
    public private(set) var repeatedCreations = 0, fixedFieldChoices = 0
    var partition: Set<Int>? = nil
    var oldDeliveries: [(to: Int, groups: [ChangeGroup])] = []

    /// Five fresh replicas in a temp dir, for `seed`.
    public init(seed: UInt64) throws {
        self.seed = seed
        random = SeededGenerator(seed: seed)
        directory = try TemporaryDirectory(prefix: "fagu-property")
        var replicas: [Replica] = []
        for number in 1...5 {
            replicas.append(try TestReplicas.make("r\(number)", number: number, in: directory, author: "a0\(number)",
                                                  seed: seed &* 31, clockStart: 1_790_000_000_000))
        }
        self.replicas = replicas
    }

    /// Runs the random writes and deliveries, then a full exchange.
    public mutating func run(exchangeFully full: Bool = true) throws {
        for _ in 0..<Int.random(in: 20...40, using: &random) {
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<45: try write()
            case 45..<90: try deliver()
            case 90..<95: try replayOld()
            default: togglePartition()
            }
        }
        partition = nil
        if full {
            try exchangeFully()
            // Then appointment writes on replicas that now hold every creation: choices among
            // fixed fields' values, some on two replicas at once; and a full exchange again.
            // Each sends to each directly, so one round carries them everywhere.
            for index in replicas.indices where Bool.random(using: &random) {
                remember(try writeAppointment(on: index))
            }
            try exchangeFully(rounds: 1)
        }
    }

    private mutating func write() throws {
        let index = Int.random(in: 0..<replicas.count, using: &random)
        let replica = replicas[index]
        // Cases are shared; a visit (a work log) is changed only by the replica that made it.
        let held = try records.filter {
            try $0.kind != .appointment && ($0.kind == .legalCase || $0.creator == index) && replica.record($0.kind, id: $0.id) != nil
        }
        let group: ChangeGroup
        if Int.random(in: 0..<4, using: &random) == 0 {
            group = try writeAppointment(on: index)
        } else if held.isEmpty || Int.random(in: 0..<10, using: &random) < 3 {
            let scope = communities.randomElement(using: &random)!
            let id = replica.newRecordID()
            if Bool.random(using: &random) {
                let status = pick(RecordKind.caseStatuses)
                group = try replica.write { try $0.insert(.legalCase, id: id, fields: [
                    "community_id": .text(scope.name), "adviser_id": .text("a017"), "date": .text("2026-11-20"),
                    "title": .text("土地承包纠纷"), "status": .text(status),
                ]) }
                records.append((.legalCase, id, index))
            } else {
                group = try replica.write { try $0.insert(.visit, id: id, fields: [
                    "community_id": .text(scope.name), "adviser_id": .text("a017"), "date": .text("2026-11-26"),
                    "hours": .real(6), "note": .text("走访"),
                ]) }
                records.append((.visit, id, index))
            }
        } else {
            let target = held.randomElement(using: &random)!
            var fields: [String: FieldValue] = [:]
            if target.kind == .legalCase {
                if Bool.random(using: &random) { fields["status"] = .text(pick(RecordKind.caseStatuses)) }
                if fields.isEmpty || Bool.random(using: &random) { fields["title"] = .text(pick(["纠纷甲", "纠纷乙", "纠纷丙"])) }
            } else {
                fields["hours"] = .real(Double(Int.random(in: 1...8, using: &random)))
                if Bool.random(using: &random) { fields["note"] = Bool.random(using: &random) ? .null : .text(pick(["补记", "复访"])) }
            }
            group = try replica.write { try $0.update(target.kind, id: target.id, fields: fields) }
        }
        remember(group)
    }

    /// Notes every change of `group` in the oracle.
    private mutating func remember(_ group: ChangeGroup) {
        for change in group.changes {
            written[ScopedDot(scope: change.scope, dot: change.dot)] = Written(kind: change.kind, record: change.record, field: change.field,
                                          value: change.value, context: change.context)
        }
    }

    private mutating func pick(_ words: [String]) -> String { words.randomElement(using: &random)! }

    /// Creates one of two coded appointments where `index` lacks it (so replicas create the
    /// same one concurrently), else edits it: a choice among the values of a fixed field in
    /// conflict, or its start date.
    private mutating func writeAppointment(on index: Int) throws -> ChangeGroup {
        let replica = replicas[index]
        let id = RecordID.code(pick(["p1", "p2"]))
        guard let held = try replica.record(.appointment, id: id) else {
            let fields: [String: FieldValue] = ["adviser_id": .text(pick(["a017", "a018"])),
                                                "community_id": .text(pick(["c01", "c02"])),
                                                "start": .text(pick(["2026-01-01", "2026-02-01"]))]
            if records.contains(where: { $0.id == id }) {
                repeatedCreations += 1
            } else {
                records.append((.appointment, id, index))
            }
            return try replica.write { try $0.insert(.appointment, id: id, fields: fields) }
        }
        let fixed = ["adviser_id", "community_id"].filter { held.register($0)?.isConflict == true }
        if let field = fixed.randomElement(using: &random), Bool.random(using: &random) {
            let choice = held.register(field)!.entries.map(\.value).randomElement(using: &random)!
            fixedFieldChoices += 1
            return try replica.write { try $0.update(.appointment, id: id, fields: [field: choice]) }
        }
        return try replica.write { try $0.update(.appointment, id: id, fields: ["start": .text(pick(["2026-03-01", "2026-04-01"]))]) }
    }

    private func reachable(_ from: Int, _ to: Int) -> Bool {
        guard let partition else { return true }
        return partition.contains(from) == partition.contains(to)
    }

    private mutating func deliver() throws {
        let from = Int.random(in: 0..<replicas.count, using: &random)
        let to = Int.random(in: 0..<replicas.count, using: &random)
        guard from != to, reachable(from, to) else { return }
        var groups = try replicas[from].delta(for: replicas[to].vectors(scopes: scopes), scopes: scopes)
        if Int.random(in: 0..<4, using: &random) == 0 { oldDeliveries.append((to, groups)) }
        // Lose some, duplicate some, shuffle, and cut into batches.
        groups = groups.filter { _ in Int.random(in: 0..<5, using: &random) != 0 }
        groups += groups.filter { _ in Int.random(in: 0..<5, using: &random) == 0 }
        groups.shuffle(using: &random)
        try applyInBatches(groups, to: to)
    }

    private mutating func replayOld() throws {
        guard !oldDeliveries.isEmpty else { return }
        let old = oldDeliveries.remove(at: Int.random(in: 0..<oldDeliveries.count, using: &random))
        try applyInBatches(old.groups.shuffled(using: &random), to: old.to)
    }

    private mutating func applyInBatches(_ groups: [ChangeGroup], to index: Int) throws {
        var rest = groups[...]
        while !rest.isEmpty {
            let size = Int.random(in: 1...max(1, rest.count), using: &random)
            let batch = Array(rest.prefix(size))
            if Bool.random(using: &random) {
                try replicas[index].apply(batch)
            } else {
                // The same batch in one transaction, taken in parts as a change set being read is.
                let parts = (0..<4).map { _ in Int.random(in: 1...max(1, size / 2), using: &random) }
                try replicas[index].apply(PartedGroups(batch, sizes: parts))
            }
            rest = rest.dropFirst(size)
        }
    }

    private mutating func togglePartition() {
        if partition == nil {
            partition = Set((0..<replicas.count).filter { _ in Bool.random(using: &random) })
        } else {
            partition = nil
        }
    }

    /// Every replica sends every other its delta, `rounds` times.
    public func exchangeFully(rounds: Int = 3) throws {
        for _ in 0..<rounds {
            for from in replicas.indices {
                for to in replicas.indices where from != to {
                    let groups = try replicas[from].delta(for: replicas[to].vectors(scopes: scopes), scopes: scopes)
                    try replicas[to].apply(groups)
                }
            }
        }
    }

    /// Every way the run broke the guarantees, in words.
    public func check() throws -> [String] {
        var failures: [String] = []
        let reference = replicas[0]
        let digest = try reference.digest(scopes: scopes)
        let vectors = try reference.vectors(scopes: scopes)
        for replica in replicas {
            if try replica.digest(scopes: scopes) != digest { failures.append("digest of \(replica.id) differs") }
            if try replica.vectors(scopes: scopes) != vectors { failures.append("vectors of \(replica.id) differ") }
            if try replica.heldBackCount() != 0 { failures.append("\(replica.id) still holds back groups") }
        }

        // The oracle: per field, the writes no other write has seen.
        var superseded: Set<ScopedDot> = []
        for (key, write) in written {
            // A context dot supersedes a write of the same field only: an update also names its
            // record's creation (a dot of another field) as what it depends on.
            for dot in write.context {
                let named = ScopedDot(scope: key.scope, dot: dot)
                if let earlier = written[named], earlier.kind == write.kind, earlier.record == write.record,
                   earlier.field == write.field {
                    superseded.insert(named)
                }
            }
        }
        var expected: [String: [Dot: FieldValue]] = [:]
        for (key, write) in written where !superseded.contains(key) {
            expected["\(write.kind.rawValue)/\(write.record)/\(write.field)", default: [:]][key.dot] = write.value
        }
        let expectedConflicts = Set(expected.filter { $0.value.count > 1 }.keys)

        for replica in replicas {
            var actualConflicts: Set<String> = []
            for conflict in try replica.openConflicts() {
                actualConflicts.insert("\(conflict.kind.rawValue)/\(conflict.record)/\(conflict.field)")
            }
            if actualConflicts != expectedConflicts {
                failures.append("\(replica.id) open conflicts \(actualConflicts.sorted()) ≠ expected \(expectedConflicts.sorted())")
            }
            for record in records {
                guard let stored = try replica.record(record.kind, id: record.id) else {
                    failures.append("\(replica.id) lacks \(record.id)")
                    continue
                }
                for spec in record.kind.fields {
                    let key = "\(record.kind.rawValue)/\(record.id)/\(spec.name)"
                    let want = expected[key] ?? [:]
                    let have = Dictionary(uniqueKeysWithValues: (stored.register(spec.name)?.entries ?? []).map { ($0.dot, $0.value) })
                    if have != want.mapValues({ spec.type.normalized($0) }) {
                        failures.append("\(replica.id) \(key): holds \(have.keys.sorted()) but the unsuperseded writes are \(want.keys.sorted())")
                    }
                }
            }
        }
        return failures
    }
}
