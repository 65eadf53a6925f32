import FaguMerge
import FaguModel
import Foundation
import GRDB

extension Replica {
    /// Applies changes received from other replicas, in one transaction.
    ///
    /// Any order, duplication or batching gives the same result. A group whose
    /// dependencies have not arrived is held back (durably) and applied when they do. A group
    /// that cannot be applied — a value too long, an unknown field, a change to a record not
    /// held, or one `screen` refuses — is set aside: its dots are taken and listed with a code
    /// and reason (``setAsideGroups()``), the rest of the batch still applies.
    ///
    /// - Parameter screen: Decides, before anything is applied, whether a group must be set
    ///   aside (the hub's authority checks); nil keeps it.
    /// - Throws: ``ReplicaError`` — and applies nothing — `replica_forked` when a group's
    ///   dots are held with other content or its hash chain does not continue what is held,
    ///   or when the replica itself fails.
    @discardableResult
    public func apply(_ groups: [ChangeGroup],
                      screen: (ChangeGroup) -> (code: String, reason: String)? = { _ in nil }) throws -> ApplyReport {
        try settingAsideOnRetry(groups: groups.count) { attempt in
            try database.write { db in try apply(groups, in: db, screen: screen, attempt: attempt) }
        }
    }

    /// Applies the groups of `source` as they come, in one transaction: a change set being
    /// read on another thread (`ChangeSetDecoder.stream`) is applied while the rest is read.
    /// The replica ends as with ``apply(_:screen:)`` given all the groups at once. In the
    /// report, a group given twice while it waits for what it depends on may count once,
    /// not twice, among the duplicates and the held back (as across separate batches).
    ///
    /// - Throws: What ``apply(_:screen:)`` throws, or what `source` throws; either way
    ///   nothing is applied.
    @discardableResult
    public func apply(_ source: some GroupSource,
                      screen: (ChangeGroup) -> (code: String, reason: String)? = { _ in nil }) throws -> ApplyReport {
        // Every part taken, whole, for a retry (which runs on all the groups at once): kept as
        // they came rather than copied group by group into one array, which would retain every
        // group's arrays and strings, and free them all at the end, on the applying thread.
        var parts: [ValidatedBatches.Batch] = []
        // Freeing a large batch's groups is left to another thread: the caller need not wait for it.
        defer {
            let groups = parts.reduce(0) { $0 + $1.groups.count }
            Disposal.empty(&parts, weighing: groups)
        }
        let batches = ValidatedBatches(source, tables: tables)
        /// Takes the rest of the source's groups (or its fault).
        func takeTheRest() throws {
            while let batch = try batches.next() { parts.append(batch) }
        }
        var streamed = false
        return try settingAsideOnRetry(groups: source.expectedGroupCount) { attempt in
            try database.write { db in
                guard streamed else {
                    streamed = true
                    do {
                        var run = try ApplyRun(db, tables: tables, expecting: source.expectedGroupCount, attempt: attempt,
                                               now: configuration.clock.now())
                        while true {
                            // Rather than wait for the next part, write rows made in memory,
                            // which the end of the batch would write.
                            while !batches.isReady, try run.context.writeCreatedRowsEarly(upTo: 1_024) {}
                            guard let batch = try batches.next() else { break }
                            parts.append(batch)
                            try take(batch.groups, into: &run, screen: screen, validations: batch.validations)
                        }
                        return try run.finish()
                    } catch where !(error is RefusedGroup || error is TransactionContext.RecordsHeld) {
                        // A fault the source finds further on (a damaged file) explains what failed
                        // before it, as when the whole was read first: that is the error to report.
                        try takeTheRest()
                        throw error
                    }
                }
                try takeTheRest()
                return try apply(parts.flatMap(\.groups), in: db, screen: screen, attempt: attempt)
            }
        }
    }

    /// A group the write path refused while applying: the transaction is rolled back and run
    /// again with the group set aside from the start. Cheaper than a savepoint per group,
    /// since refusals are rare and each costs one retry.
    struct RefusedGroup: Error {
        /// `scope/origin:counter` of the group's first dot.
        var key: String
        var error: ReplicaError
    }

    /// Runs `body`, an apply of `groups` groups, until no group is refused and no creation
    /// finds its record held mid-way, each time with all that the attempts before found;
    /// with a page cache sized for it (``withApplyPageCache(groups:_:)``).
    func settingAsideOnRetry<T>(groups: Int, _ body: (ApplyAttempt) throws -> T) throws -> T {
        try withApplyPageCache(groups: groups) {
            var attempt = ApplyAttempt()
            while true {
                do {
                    return try body(attempt)
                } catch let group as RefusedGroup where attempt.refused[group.key] == nil {
                    attempt.refused[group.key] = group.error
                } catch let held as TransactionContext.RecordsHeld where !held.keys.isSubset(of: attempt.heldRecords) {
                    attempt.heldRecords.formUnion(held.keys)
                }
            }
        }
    }

    /// ``apply(_:screen:)`` inside a write transaction the caller holds.
    ///
    /// - Parameter attempt: What earlier attempts found. Groups it lists as refused are set
    ///   aside with the error the write path gave them; any other the write path refuses
    ///   throws ``RefusedGroup``. A creation that finds its record held throws
    ///   ``TransactionContext/RecordsHeld`` unless the attempt lists it.
    func apply(_ groups: [ChangeGroup], in db: Database,
               screen: (ChangeGroup) -> (code: String, reason: String)? = { _ in nil },
               attempt: ApplyAttempt = ApplyAttempt()) throws -> ApplyReport {
        var run = try ApplyRun(db, tables: tables, expecting: groups.count, attempt: attempt, now: configuration.clock.now())
        try take(groups, into: &run, screen: screen)
        return try run.finish()
    }

    /// Applies `groups`, a part of what `run` applies: each scope's groups ready here are
    /// applied, the rest wait (in `pending_group`) for a later part or batch.
    ///
    /// - Parameter validations: What validating each group found, when the caller has it
    ///   (``ValidatedBatches``); nil for a group that came set aside.
    func take(_ groups: [ChangeGroup], into run: inout ApplyRun,
              screen: (ChangeGroup) -> (code: String, reason: String)?,
              validations given: [Result<Validated, ReplicaError>?]? = nil) throws {
        let context = run.context
        let refused = run.attempt.refused
        let now = run.now
        // Per scope, its groups in input order and what validating each found, so applying
        // does not check a group again. A batch comes scope by scope: the last scope's place
        // is tried before the dictionary.
        var byScope = ScopeBuckets()
        for (position, group) in groups.enumerated() {
            let bucket = byScope.bucket(of: group.scope)
            var found: Validated?
            var refusal: (code: String, reason: String)?
            if group.setAside == nil {
                switch given?[position] ?? tables.validation(of: group) {
                case .success(let validated): found = validated
                case .failure(let error): refusal = (error.code.rawValue, error.message)
                }
                if refusal == nil { refusal = screen(group) }
            }
            if let refusal {
                // Set aside before applying, by ``key(of:)``: a dot is unique only within its scope.
                run.originals[Replica.key(of: group)] = group
                byScope.buckets[bucket].groups.append(group.settingAside(code: refusal.code, reason: refusal.reason))
            } else {
                byScope.buckets[bucket].groups.append(group)
            }
            byScope.buckets[bucket].validations.append(found)
        }
        for (scope, received, validations) in byScope.buckets.sorted(by: { $0.scope < $1.scope }) {
            let pending = try context.pendingGroups(in: scope)
            // Which groups come from `pending_group` (an earlier part or batch), by key.
            let waited = pending.isEmpty ? [] : Set(pending.map(Replica.key(of:)))
            let schedule = CausalSchedule(groups: pending.isEmpty ? received : received + pending, vector: try context.vector(of: scope))
            // Usually every group is ready in the order received, and its validation is found by
            // position; otherwise by scope and first dot (a first dot received twice is checked again).
            let byPosition = pending.isEmpty && schedule.readyInGivenOrder ? validations : nil
            var byKey: [GroupKey: Validated?] = [:]
            if byPosition == nil {
                for (group, found) in zip(received, validations) {
                    byKey[GroupKey(group)] = byKey[GroupKey(group)] == nil ? found : .some(nil)
                }
            }
            if let bad = schedule.overlapping.first {
                throw ReplicaError(.replicaForked, "\(bad) overlaps changes already held with other boundaries: "
                                   + "another copy of \(bad.origin) wrote them", scope: scope, dot: bad.dot(at: 0))
            }
            try checkSameAsHeld(schedule.duplicateGroups, scope: scope, context: context)
            // A record that several groups here change (made and then edited, or edited twice)
            // is written once, by its last group: the others keep its row in memory.
            let laterGroupChanges = Replica.laterGroupChanges(schedule.ready)
            for (position, var group) in schedule.ready.enumerated() {
                try continueChain(&group, context: context)
                if let setAside = group.setAside {
                    let original = run.originals[Replica.key(of: group)]
                    try context.applySetAside(group, original: original, notedAt: now)
                    if let original, !waited.isEmpty, waited.contains(Replica.key(of: group)) {
                        // It waited in `pending_group` since an earlier part, which keeps no field
                        // names: reported as it arrived, like the rest.
                        var arrived = original.settingAside(code: setAside.code, reason: setAside.reason)
                        arrived.previousHash = group.previousHash
                        run.report.setAside.append(arrived)
                    } else if original != nil {
                        run.report.setAside.append(group)
                    } else {
                        run.report.receivedSetAside += 1
                    }
                    continue
                }
                // Keys are built only when a retry has refusals to look up (or one is thrown).
                let refusal = refused.isEmpty ? nil : refused[Replica.key(of: group)]
                var applied: TransactionContext.Applied?
                if refusal == nil {
                    do {
                        let found = byPosition.map { $0[position] } ?? byKey[GroupKey(group)] ?? nil
                        applied = try context.apply(group, validated: found, keepRow: laterGroupChanges[position])
                    } catch let error as ReplicaError where error.isAboutTheGroup {
                        throw RefusedGroup(key: Replica.key(of: group), error: error)
                    }
                }
                if let refusal {
                    let voided = group.settingAside(code: refusal.code.rawValue, reason: refusal.message)
                    try context.applySetAside(voided, original: group, notedAt: now)
                    run.report.setAside.append(voided)
                    continue
                }
                if try context.noteIncident(group, receivedAt: now) {
                    run.report.incidents.append(group.record)
                }
                run.report.appliedGroups += 1
                run.report.appliedChanges += group.fields.count
                run.report.conflictsOpened += applied?.conflictsOpened ?? 0
            }
            run.report.duplicateGroups += schedule.duplicates
            // What still waits is counted, and listed, once the last part is in (``ApplyRun/finish()``).
            run.waiting[scope] = schedule.waiting
            try context.replacePending(in: scope, with: schedule.waiting.map(\.group))
        }
    }

    /// Per group of `groups`: whether a later one (not set aside) changes the same record.
    static func laterGroupChanges(_ groups: [ChangeGroup]) -> [Bool] {
        var later = [Bool](repeating: false, count: groups.count)
        var seen: Set<TransactionContext.RowKey> = []
        seen.reserveCapacity(groups.count)
        // Read in place: a copy of each group would retain every array and string in it.
        for position in groups.indices.reversed() where groups[position].setAside == nil {
            let key = TransactionContext.RowKey(code: groups[position].kind.storageCode, record: groups[position].record)
            later[position] = !seen.insert(key).inserted
        }
        return later
    }

    /// A batch's groups by scope, in input order, with what validating each found.
    struct ScopeBuckets {
        var buckets: [(scope: ScopeID, groups: [ChangeGroup], validations: [Validated?])] = []
        private var places: [ScopeID: Int] = [:]
        private var last: (scope: ScopeID, place: Int)?

        /// The place in ``buckets`` of `scope`'s groups, made when new.
        mutating func bucket(of scope: ScopeID) -> Int {
            if let last, last.scope == scope { return last.place }
            let place = places[scope] ?? buckets.count
            if place == buckets.count {
                buckets.append((scope, [], []))
                places[scope] = place
            }
            last = (scope, place)
            return place
        }
    }

    /// What validating a group found: each change's field index and normalized value.
    typealias Validated = (indexes: [Int], values: [FieldValue])

    /// A group's scope and first dot, which name it across scopes.
    struct GroupKey: Hashable {
        var scope: ScopeID
        var first: Dot

        init(_ group: ChangeGroup) {
            scope = group.scope
            first = group.dot(at: 0)
        }
    }

    /// `scope/origin:first`: what names a group across scopes (its first dot alone does not).
    static func key(of group: ChangeGroup) -> String { "\(group.scope)/\(group.dot(at: 0))" }

    /// Refuses, as a fork, groups whose dots are held with other boundaries or another hash.
    private func checkSameAsHeld(_ duplicates: [ChangeGroup], scope: ScopeID, context: TransactionContext) throws {
        guard let scopeNumber = context.existingNumber(of: scope) else { return }
        for group in duplicates {
            guard let origin = context.originNumbers[group.origin],
                  let held = try context.heldGroup(scope: scopeNumber, origin: origin, holding: group.firstCounter) else {
                continue  // repeated within the input, not yet held
            }
            let sameBoundaries = held.first == group.firstCounter && held.count == group.fields.count
            // A group built without its chain (never from the wire) is compared by boundaries only.
            let sameHash = group.previousHash == nil || held.hash == nil || held.hash == group.chainHash
            guard sameBoundaries && sameHash else {
                throw ReplicaError(.replicaForked, "\(group) is already held here with other content: another copy of "
                                   + "\(group.origin) wrote the same changes differently", scope: scope, dot: group.dot(at: 0))
            }
        }
    }

    /// Checks that `group` continues its origin's hash chain here (filling in the previous
    /// hash of a group built without one).
    private func continueChain(_ group: inout ChangeGroup, context: TransactionContext) throws {
        let held = try context.chainHash(scope: try context.number(of: group.scope), origin: try context.number(of: group.origin),
                                         endingAt: group.firstCounter - 1)
        guard let previous = group.previousHash else {
            group.previousHash = held
            return
        }
        if let held, held != previous {
            throw ReplicaError(.replicaForked, "\(group) does not continue the changes held here from \(group.origin): "
                               + "another copy of that replica wrote them", scope: group.scope, dot: group.dot(at: 0))
        }
    }

    /// How many received groups are held back, waiting for what they depend on.
    public func heldBackCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pending_group") ?? 0 }
    }
}

extension TransactionContext {
    /// The held-back groups of `scope`.
    func pendingGroups(in scope: ScopeID) throws -> [ChangeGroup] {
        guard let number = existingNumber(of: scope) else { return [] }
        let statement = try db.cachedStatement(
            sql: "SELECT \(TransactionContext.pendingColumns) FROM pending_group WHERE scope = ?")
        return try Row.fetchAll(statement, arguments: [number]).map { try group(fromPendingRow: $0, scope: scope) }
    }

    /// Replaces the held-back groups of `scope` with `groups`.
    func replacePending(in scope: ScopeID, with groups: [ChangeGroup]) throws {
        let number = try self.number(of: scope)
        try db.cachedStatement(sql: "DELETE FROM pending_group WHERE scope = ?").execute(arguments: [number])
        for group in groups {
            let table = try tables.of(group.kind)
            let body = group.setAside != nil ? ChangeBody(fields: []) : ChangeBody(fields: try group.fields.map { change in
                guard let index = table.index(of: change.field) else {
                    throw ReplicaError(.unknownField, "\(group.kind.rawValue) has no field \(change.field)")
                }
                return ChangeBody.Field(index: index, value: change.value,
                                        context: try change.context.map { (try self.number(of: $0.origin), $0.counter) })
            })
            try insertGroupRow(into: .pending, scope: number, origin: try self.number(of: group.origin), group: group,
                               kindCode: table.code, body: body)
        }
    }
}
