import FaguMerge
import FaguModel
import Foundation
import GRDB

/// What one write transaction knows: local numbers of origins and scopes, the version
/// vectors it has touched, and the one code path that turns a ``ChangeGroup`` into stored
/// state plus a change-log row.
///
/// Lives for one transaction. What it knows of the committed state when a write transaction
/// ends (``committedState()``) seeds the next write transaction on the same connection while
/// nothing has written to the file since; a rolled-back transaction passes nothing on.
///
/// Its state is marked `@exclusivity(unchecked)`: a context is used by one thread, inside
/// one transaction, and is not checked at run time for overlapping accesses, which would go
/// unnoticed rather than trap. So no method here passes a property `inout` to a closure
/// that reads the same property.
final class TransactionContext {
    let db: Database
    /// What the transaction knows of the replica's committed state: numbers, vectors, chain
    /// heads, settings. Passed on whole to the next write transaction (``committedState()``).
    @exclusivity(unchecked) private var known = KnownState()
    /// Local origin numbers by replica.
    var originNumbers: [ReplicaID: Int] { known.originNumbers }
    /// The origin and scope last numbered, with their numbers.
    @exclusivity(unchecked) private var lastOrigin: (id: ReplicaID, number: Int)?
    @exclusivity(unchecked) private var lastScope: (id: ScopeID, number: Int)?
    @exclusivity(unchecked) private var dirtyVectors: Set<VectorKey> = []
    /// The vector entry last advanced, not yet in `known.vectors` and ``dirtyVectors``: a
    /// batch applies one origin's groups in a scope one after another, so each replaces the
    /// last without a dictionary write. Settled (``settleLatest()``) before either is read.
    @exclusivity(unchecked) private var latestAdvance: (key: VectorKey, counter: UInt64)?
    /// The chain head last written, not yet in `known.heads`, likewise.
    @exclusivity(unchecked) private var latestHead: (key: VectorKey, counter: UInt64, hash: [UInt8]?)?
    @exclusivity(unchecked) private var statements: [String: Statement] = [:]
    /// Per kind's storage code: its insert statement; per code and column set: its update
    /// and select statements. Kept apart so the hot paths hash no SQL text.
    @exclusivity(unchecked) private var insertStatements: [Int: Statement] = [:]
    @exclusivity(unchecked) private var updateStatements: [UpdateKey: Statement] = [:]
    /// Per code and column set: its select of those columns and the clock.
    @exclusivity(unchecked) private var partialSelectStatements: [UpdateKey: Statement] = [:]

    private struct UpdateKey: Hashable {
        var code: Int
        var columns: [Int]
    }
    /// The replica whose changes to anyone's work logs are accepted as corrections (the
    /// hub), from `replica_meta.authority`.
    var authority: ReplicaID? { known.authority }
    /// Why this replica writes no more, when another copy used its identity
    /// (`replica_meta.forked`, see ``Replica/markForked(_:)``).
    var forked: String? { known.forked }

    /// A scope and an origin, by local numbers.
    struct VectorKey: Hashable {
        var scope: Int
        var origin: Int
    }

    /// Groups added to the change log and not yet written, per scope and origin (see
    /// ``flushLog()``).
    @exclusivity(unchecked) var openRuns: [VectorKey: LogRun] = [:]
    /// Where the write path encodes each group's body, reused from group to group.
    @exclusivity(unchecked) private var bodyWriter = ByteWriter(capacity: 4096)
    /// Record rows held in memory while later groups of the same batch change them again,
    /// by kind code and record: every read of a row looks here first, and ``flush()`` writes
    /// whatever is still here.
    @exclusivity(unchecked) private var keptRows: [RowKey: KeptRow] = [:]

    /// A record of a kind, by the kind's storage code.
    struct RowKey: Hashable, Sendable {
        var code: Int
        var record: RecordID

        /// A UUID hashed as two words: batches hash every group's key several times.
        func hash(into hasher: inout Hasher) {
            hasher.combine(code)
            switch record {
            case .uuid(let uuid):
                withUnsafeBytes(of: uuid.uuid) { bytes in
                    hasher.combine(bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
                    hasher.combine(bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                }
            case .code(let code):
                hasher.combine(code)
            }
        }
    }

    /// A row kept in memory, and the columns changed since it was last written.
    struct KeptRow {
        var row: StoredRow
        var unwritten: [Int]
        /// Whether the table holds the row yet: a row the batch creates is inserted at
        /// ``flush()``, with every other creation, in key order.
        var stored = true
    }

    /// Whether a group that creates a record makes its row in memory, for ``flush()`` to
    /// insert with the batch's other creations in storage order: a B-tree takes inserts in
    /// key order at about half the cost of a batch's own order (by community, then time),
    /// which sweeps a table once per community. Set for received batches.
    @exclusivity(unchecked) var defersCreations = false
    /// Records found held when a deferred creation was inserted (``RecordsHeld``): their
    /// creating groups look the row up instead, as when not deferring.
    @exclusivity(unchecked) var heldRecords: Set<RowKey> = []
    /// Rows made in memory, as their creating group wrote them: inserted at ``flush()`` in
    /// storage order. In the order made; nil where a later group took the row over (it is
    /// then kept, not stored). Every row the tables do not hold yet was made here, so its
    /// count bounds what a batch holds in memory.
    @exclusivity(unchecked) private var createdRows: [CreatedRow?] = []
    /// The key of each row of ``createdRows`` while it is there (nil once taken over or
    /// inserted): what the loops over them read, without copying a row to read its key.
    @exclusivity(unchecked) private var createdKeys: [RowKey?] = []
    /// Where each record of ``createdRows`` is in it.
    @exclusivity(unchecked) private var createdRowPositions: [RowKey: Int] = [:]
    /// Where the rows of ``createdRows`` not looked at by ``writeCreatedRowsEarly(upTo:)`` begin.
    @exclusivity(unchecked) private var firstNotWrittenEarly = 0
    /// Rows of ``createdRows`` inserted so far, freed together at ``flush()``.
    @exclusivity(unchecked) private var insertedRows: [CreatedRow] = []

    /// A row made in memory by its creating group: what its insert binds, without building
    /// the row (fields not written stay null).
    struct CreatedRow: Sendable {
        var key: RowKey
        /// Its scope field's value, where the kind has one.
        var scope: String
        var indexes: [Int]
        var values: [FieldValue]
        /// The dot of its first field and the group's time: its clock, encoded when inserted
        /// (``RowClock/appendCreation(origin:first:time:fields:to:)``), not kept as bytes.
        var origin: Int
        var first: UInt64
        var time: Int64
    }
    /// Past this many rows made in memory, all kept rows are written out: a huge batch holds
    /// its rows in memory only up to a bound.
    var unstoredRowLimit = 100_000

    /// Makes room for the rows a batch of `groups` groups may make in memory, so the table
    /// of their places is not rebuilt again and again as it grows (a day's file creates tens
    /// of thousands of records).
    func expectCreations(upTo groups: Int) {
        let rows = min(groups, unstoredRowLimit)
        createdRows.reserveCapacity(rows)
        createdKeys.reserveCapacity(rows)
        createdRowPositions.reserveCapacity(rows)
    }

    /// The buffer a row's texts and blobs are bound from when it is inserted.
    @exclusivity(unchecked) private var insertBindings = StaticBindings()

    /// The replica's schema as tables.
    let tables: KindTables

    /// A context for a transaction on `db`, starting from `state` (what an earlier write
    /// transaction on this connection knew as it ended) when nothing has written to the file
    /// since; otherwise from what the file holds.
    init(_ db: Database, tables: KindTables, resuming state: CommittedState? = nil) throws {
        self.db = db
        self.tables = tables
        if let state, try state.mark == CommittedState.Mark.current(db) {
            known = state.known
            return
        }
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT idx, replica_id FROM origin")) {
            let number: Int = row[0]
            guard let id = ReplicaID(row[1] as String) else {
                throw ReplicaError(.corrupt, "origin \(number) has an invalid replica id")
            }
            known.originNumbers[id] = number
            remember(id, numbered: number)
        }
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT idx, name FROM scope")) {
            known.scopeNumbers[ScopeID(row[1] as String)] = row[0]
        }
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT key, value FROM replica_meta WHERE key IN ('authority', 'forked', 'log_values_left_to_records')
            """)) {
            switch row[0] as String {
            case "authority": known.authority = ReplicaID(row[1] as String)
            case "forked": known.forked = row[1]
            default: known.logLeavesValuesToRecords = true
            }
        }
    }

    /// What this transaction knows of the replica's state, for the next write transaction on
    /// this connection to start from (``init(_:tables:resuming:)``); nil when it cannot be
    /// told (not flushed yet, or SQLite gave no mark). Call last, after ``flush()``: what it
    /// holds is then what commits. Never throws: the state only saves reading, and failing
    /// to take it must not undo the write.
    func committedState() -> CommittedState? {
        settleLatest()
        assert(dirtyVectors.isEmpty && openRuns.isEmpty, "the state of a transaction not flushed")
        guard dirtyVectors.isEmpty && openRuns.isEmpty else { return nil }
        let mark: CommittedState.Mark
        do { mark = try .current(db) } catch { return nil }
        return CommittedState(known: known, mark: mark)
    }

    // MARK: Numbering

    /// The local number of `origin`, adding it when new.
    func number(of origin: ReplicaID) throws -> Int {
        // A batch comes origin by origin: the last one asked for is usually asked for again.
        if let last = lastOrigin, last.id == origin { return last.number }
        if let number = known.originNumbers[origin] {
            lastOrigin = (origin, number)
            return number
        }
        try db.cachedStatement(sql: "INSERT INTO origin (replica_id) VALUES (?)").execute(arguments: [origin.description])
        let number = Int(db.lastInsertedRowID)
        known.originNumbers[origin] = number
        remember(origin, numbered: number)
        return number
    }

    private func remember(_ origin: ReplicaID, numbered number: Int) {
        guard number >= 0, number < 1 << 20 else {
            known.outlyingOrigins[number] = origin
            return
        }
        if number >= known.originsByNumber.count {
            known.originsByNumber.append(contentsOf: repeatElement(nil, count: number + 1 - known.originsByNumber.count))
        }
        known.originsByNumber[number] = origin
    }

    /// The replica id of a local origin number.
    func replica(numbered number: Int) throws -> ReplicaID {
        let id = number >= 0 && number < known.originsByNumber.count ? known.originsByNumber[number] : known.outlyingOrigins[number]
        guard let id else { throw ReplicaError(.corrupt, "unknown origin number \(number)") }
        return id
    }

    /// The local number of `scope`, adding it when new.
    func number(of scope: ScopeID) throws -> Int {
        // A batch comes scope by scope: the last one asked for is usually asked for again.
        if let last = lastScope, last.id == scope { return last.number }
        if let number = known.scopeNumbers[scope] {
            lastScope = (scope, number)
            return number
        }
        try db.cachedStatement(sql: "INSERT INTO scope (name) VALUES (?)").execute(arguments: [scope.name])
        let number = Int(db.lastInsertedRowID)
        known.scopeNumbers[scope] = number
        return number
    }

    /// The local number of `scope`, or nil when it was never seen.
    func existingNumber(of scope: ScopeID) -> Int? { known.scopeNumbers[scope] }

    /// Every scope seen, in canonical order.
    var knownScopes: [ScopeID] { known.scopeNumbers.keys.sorted() }

    // MARK: Version vectors

    private func loadedVector(_ scope: Int) throws -> [Int: UInt64] {
        settleLatest()
        if let vector = known.vectors[scope] { return vector }
        var vector: [Int: UInt64] = [:]
        let statement = try db.cachedStatement(sql: "SELECT origin, counter FROM version_vector WHERE scope = ?")
        for row in try Row.fetchAll(statement, arguments: [scope]) {
            vector[row[0]] = UInt64(row[1] as Int64)
        }
        known.vectors[scope] = vector
        return vector
    }

    /// The version vector of `scope` as this transaction sees it.
    func vector(of scope: ScopeID) throws -> VersionVector {
        guard let number = known.scopeNumbers[scope] else { return VersionVector() }
        var vector = VersionVector()
        for (origin, counter) in try loadedVector(number) {
            vector[try replica(numbered: origin)] = counter
        }
        return vector
    }

    /// The highest counter held for `origin` in `scope`.
    func counter(scope: Int, origin: Int) throws -> UInt64 {
        try loadedVector(scope)[origin] ?? 0
    }

    private func advance(scope: Int, origin: Int, to counter: UInt64) {
        let key = VectorKey(scope: scope, origin: origin)
        if let latest = latestAdvance, latest.key != key { settle(latest) }
        latestAdvance = (key, counter)
    }

    private func settle(_ advance: (key: VectorKey, counter: UInt64)) {
        known.vectors[advance.key.scope, default: [:]][advance.key.origin] = advance.counter
        dirtyVectors.insert(advance.key)
    }

    private func settle(_ head: (key: VectorKey, counter: UInt64, hash: [UInt8]?)) {
        known.heads[head.key] = (head.counter, head.hash)
    }

    /// Moves the latest advance and chain head into `known` and ``dirtyVectors``.
    private func settleLatest() {
        if let latest = latestAdvance {
            settle(latest)
            latestAdvance = nil
        }
        if let latest = latestHead {
            settle(latest)
            latestHead = nil
        }
    }

    /// The prepared statement for `sql`, kept for the transaction so hot paths skip even
    /// GRDB's statement cache lookup.
    func statement(_ sql: String) throws -> Statement {
        if let statement = statements[sql] { return statement }
        let statement = try db.cachedStatement(sql: sql)
        statements[sql] = statement
        return statement
    }

    /// The prepared insert of `table`.
    func insertStatement(_ table: KindTable) throws -> Statement {
        if let statement = insertStatements[table.code] { return statement }
        let statement = try db.cachedStatement(sql: table.insertSQL)
        insertStatements[table.code] = statement
        return statement
    }

    /// The prepared update of `columns` (and the clock) of `table`.
    private func updateStatement(_ table: KindTable, columns: [Int]) throws -> Statement {
        let key = UpdateKey(code: table.code, columns: columns)
        if let statement = updateStatements[key] { return statement }
        let statement = try db.cachedStatement(sql: table.updateSQL(columns: columns))
        updateStatements[key] = statement
        return statement
    }

    /// The chain hash of the group of `origin` in `scope` that ends at `counter` (the
    /// previous hash a group starting at `counter + 1` must name): ``GroupHash/genesis`` for
    /// counter 0, nil when no held group ends there or it predates chains.
    func chainHash(scope: Int, origin: Int, endingAt counter: UInt64) throws -> [UInt8]? {
        if counter == 0 { return GroupHash.genesis }
        let key = VectorKey(scope: scope, origin: origin)
        if let latest = latestHead, latest.key == key {
            if latest.counter == counter { return latest.hash }
        } else if let head = known.heads[key], head.counter == counter {
            return head.hash
        }
        if openRuns[key] == nil {
            // A stored run that ends there keeps its last hash in a column of its own: no run
            // to decode (each local write to a scope new to the transaction comes here).
            guard let end = try storedRunEnd(scope: scope, origin: origin, atOrAfter: counter) else { return nil }
            if end.last == counter { return end.hash }
        }
        guard let held = try heldGroup(scope: scope, origin: origin, holding: counter),
              held.first + UInt64(held.count) - 1 == counter else { return nil }
        return held.hash
    }

    /// The first counter, count, chain hash and author of the held group that holds
    /// `counter` of `origin` in `scope`.
    func heldGroup(scope: Int, origin: Int, holding counter: UInt64)
        throws -> (first: UInt64, count: Int, hash: [UInt8]?, author: String)? {
        guard let (run, index) = try loggedGroup(scope: scope, origin: origin, holding: counter) else { return nil }
        let entry = run.entries[index]
        return (entry.first, entry.count, entry.hash, entry.author)
    }

    /// Writes the open change-log runs and every vector entry this transaction advanced.
    /// Call once, before commit.
    func flush() throws {
        try writeKeptRows()
        try flushLog()
        settleLatest()
        let statement = try db.cachedStatement(sql: """
            INSERT INTO version_vector (scope, origin, counter) VALUES (?, ?, ?)
            ON CONFLICT (scope, origin) DO UPDATE SET counter = excluded.counter
            """)
        for key in dirtyVectors {
            try statement.executeDirect([key.scope.databaseValue, key.origin.databaseValue,
                                         Int64(known.vectors[key.scope]![key.origin]!).databaseValue])
        }
        dirtyVectors.removeAll()
    }

    // MARK: Rows

    /// A stored record row: its column values and clock.
    struct StoredRow: Sendable {
        var values: [DatabaseValue]
        var clock: RowClock
    }

    /// Reads the row of `record`, or nil when there is none.
    func row(_ table: KindTable, _ record: RecordID) throws -> StoredRow? {
        try row(table, record, fields: Array(table.fields.indices))
    }

    /// Reads the clock of `record` and only the columns of `fields` (and its scope field);
    /// the others read as null (all are there when the row is kept in memory). Nil when
    /// there is no such row.
    func row(_ table: KindTable, _ record: RecordID, fields: [Int]) throws -> StoredRow? {
        if !keptRows.isEmpty, let kept = keptRows[RowKey(code: table.code, record: record)] { return kept.row }
        if !createdRowPositions.isEmpty, let position = createdRowPositions[RowKey(code: table.code, record: record)],
           let created = createdRows[position] {
            return storedRow(created, table)
        }
        var columns = fields
        if let scopeIndex = table.scopeFieldIndex, !columns.contains(scopeIndex) { columns.append(scopeIndex) }
        let key = UpdateKey(code: table.code, columns: columns)
        let statement: Statement
        if let prepared = partialSelectStatements[key] {
            statement = prepared
        } else {
            statement = try db.cachedStatement(sql: table.selectSQL(columns: columns))
            partialSelectStatements[key] = statement
        }
        return try statement.firstRowDirect({ try $0.bind(record, at: 1) }) { read in
            guard let blob = read.blob(at: columns.count), let clock = RowClock(decoding: blob, fieldCount: table.fields.count) else {
                throw ReplicaError(.corrupt, "\(table.kind.rawValue) \(record) has an unreadable clock")
            }
            var values = [DatabaseValue](repeating: .null, count: table.fields.count)
            for (position, index) in columns.enumerated() { values[index] = read.value(at: position) }
            return StoredRow(values: values, clock: clock)
        }
    }

    /// The one entry of `field` in `row`, whose clock holds exactly one for it: the row's
    /// column is its value.
    func singleEntry(_ table: KindTable, _ record: RecordID, field: Int, in row: StoredRow) throws -> RegisterEntry {
        let entry = row.clock.fields[field][0]
        guard let value = FieldValue(row.values[field]) else {
            throw ReplicaError(.corrupt, "\(table.kind.rawValue) \(record) field \(table.fields[field].name) is unreadable")
        }
        return RegisterEntry(dot: Dot(origin: try replica(numbered: entry.origin), counter: entry.counter),
                             value: value, time: Timestamp(milliseconds: entry.time))
    }

    /// The register of one field of a stored row, values included.
    func register(_ table: KindTable, _ record: RecordID, field: Int, in row: StoredRow) throws -> FieldRegister {
        let entries = row.clock.fields[field]
        if entries.count == 1 { return FieldRegister([try singleEntry(table, record, field: field, in: row)]) }
        if entries.isEmpty { return FieldRegister() }
        var registerEntries: [RegisterEntry] = []
        registerEntries.reserveCapacity(entries.count)
        try statement("SELECT origin, counter, time, value FROM conflict WHERE kind = ? AND record = ? AND field = ?")
            .forEachRowDirect([table.code.databaseValue, record.databaseValue, field.databaseValue]) { conflictRow in
                guard let value = FieldValue(conflictRow.value(at: 3)), let origin = Int.fromDatabaseValue(conflictRow.value(at: 0)),
                      let counter = Int64.fromDatabaseValue(conflictRow.value(at: 1)).flatMap(UInt64.init(exactly:)),
                      let time = Int64.fromDatabaseValue(conflictRow.value(at: 2)) else {
                    throw ReplicaError(.corrupt, "a conflict row of \(record) is unreadable")
                }
                registerEntries.append(RegisterEntry(dot: Dot(origin: try replica(numbered: origin), counter: counter),
                                                     value: value, time: Timestamp(milliseconds: time)))
            }
        guard registerEntries.count == entries.count else {
            throw ReplicaError(.corrupt, "\(table.kind.rawValue) \(record) clock and conflict rows disagree")
        }
        return FieldRegister(registerEntries)
    }

    // MARK: The one write path

    /// What applying a group did.
    struct Applied {
        var conflictsOpened = 0
    }

    /// Applies a causally ready group: updates (or creates) the record's row, its open
    /// conflicts, the change log and the vector — all in the caller's transaction.
    ///
    /// - Parameters:
    ///   - knownNew: The caller knows the row does not exist (a local insert).
    ///   - validated: The result of `KindTable.validate` for this group, when the caller
    ///     already has it.
    ///   - keepRow: A later group of the same batch changes this record again: the row
    ///     stays in memory, unwritten, until the record's last group (or ``flush()``), so
    ///     one write stands for all of them.
    func apply(_ group: ChangeGroup, knownNew: Bool = false, existing: StoredRow? = nil,
               validated: (indexes: [Int], values: [FieldValue])? = nil, keepRow: Bool = false) throws -> Applied {
        let table = try tables.of(group.kind)
        let scope = try number(of: group.scope)
        let origin = try number(of: group.origin)
        let (indexes, values) = try validated ?? table.validate(group)

        var applied = Applied()
        let rowKey = RowKey(code: table.code, record: group.record)
        var kept = keptRows.isEmpty ? nil : keptRows.removeValue(forKey: rowKey)
        if kept == nil, !createdRowPositions.isEmpty, let position = createdRowPositions.removeValue(forKey: rowKey),
           let created = takeCreatedRow(at: position) {
            kept = KeptRow(row: storedRow(created, table), unwritten: [], stored: false)
        }
        // A group that writes every required field usually creates its record: try the
        // insert first, and look the row up only when one is there already.
        let carriesEveryRequired = table.requiredIndexes.allSatisfy(indexes.contains)
        let creates = !knownNew && existing == nil && kept == nil && carriesEveryRequired
        // The row this group makes when it creates its record.
        func creation() -> CreatedRow {
            CreatedRow(key: rowKey, scope: group.scope.name, indexes: indexes, values: values,
                       origin: origin, first: group.firstCounter, time: group.orderingTime.milliseconds)
        }
        var inserted = false
        if creates && defersCreations && (heldRecords.isEmpty || !heldRecords.contains(rowKey)) {
            // Made in memory; inserted at flush with the batch's other creations, in storage
            // order. A later group of the batch takes it over as a kept row.
            createdRowPositions[rowKey] = createdRows.count
            createdRows.append(creation())
            createdKeys.append(rowKey)
            inserted = true
        } else if creates {
            let made = creation()
            inserted = try insertRecord(made, table, orExisting: true)
            if inserted && keepRow { keptRows[rowKey] = KeptRow(row: storedRow(made, table), unwritten: []) }
        }
        // A change to a held record reads only the columns it decides on, or all of them when
        // the row is to be kept for the groups after it.
        let stored = knownNew || inserted ? nil
            : try (existing ?? kept?.row ?? row(table, group.record, fields: keepRow ? Array(table.fields.indices) : indexes))
        if var stored {
            if let scopeIndex = table.scopeFieldIndex, stored.values[scopeIndex] != group.scope.name.databaseValue {
                throw ReplicaError(.scopeMismatch, "\(group) is not in the scope of \(group.record)")
            }
            // A work log is changed only by the device that created it, or by the hub. Its
            // community is fixed at creation, so that field's one entry is the creation's dot.
            if table.kind.ownership == .creator, let scopeIndex = table.scopeFieldIndex, let creator = stored.clock.fields[scopeIndex].first?.origin,
               origin != creator, group.origin != authority {
                throw ReplicaError(.notOwner, "\(group) changes \(group.kind.rawValue) \(group.record), which another device "
                                   + "created; only its creator (or the hub) may change it")
            }
            // Received changes obey what local writes obey: a field fixed at creation stays, but
            // for another replica's creation of the record and a choice among the values such
            // creations left in conflict (``FixedFieldChange``), or replicas would stay apart.
            for (position, index) in indexes.enumerated() where table.fields[index].immutable && !stored.clock.fields[index].isEmpty {
                if FixedFieldChange(context: group.fields[position].context, record: group.record,
                                    inCreatingGroup: carriesEveryRequired) == nil {
                    throw ReplicaError(.immutableField, "\(group) changes \(group.kind.rawValue).\(table.fields[index].name), "
                                       + "which cannot change once written")
                }
            }
            // A row made in memory by an earlier group of the batch stands for the record only
            // while the table holds none (a creation by another replica may have made it
            // before): the conflict table is shared, so before it is read or written for such
            // a row, the table is asked once.
            var unconfirmed = kept?.stored == false
            func confirmOnce() throws {
                guard unconfirmed else { return }
                try confirmNotHeld(table, rowKey)
                unconfirmed = false
            }
            for (position, change) in group.fields.enumerated() {
                let index = indexes[position]
                if stored.clock.fields[index].count > 1 { try confirmOnce() }
                var register = try self.register(table, group.record, field: index, in: stored)
                let before = register.entries
                let wasConflict = register.isConflict
                let outcome = register.apply(dot: group.dot(at: position), value: values[position],
                                             time: group.orderingTime, context: change.context)
                if register.isConflict { try confirmOnce() }
                if outcome.opensConflict && !wasConflict { applied.conflictsOpened += 1 }
                // A change may supersede some entries and stay concurrent with others; a log row
                // of before v4 may hold no copy of a superseded value yet.
                if known.logLeavesValuesToRecords {
                    for entry in before where !register.entries.contains(where: { $0.dot == entry.dot }) {
                        try materialize(entry, scope: scope)
                    }
                }
                try store(register, table, group.record, field: index, wasConflict: wasConflict, into: &stored)
            }
            // Only the columns changed are written: indexes on other columns are left alone.
            var columns = kept?.unwritten ?? []
            for index in indexes where !columns.contains(index) { columns.append(index) }
            if keepRow || kept?.stored == false {
                keptRows[rowKey] = KeptRow(row: stored, unwritten: columns, stored: kept?.stored ?? true)
            } else {
                try write(stored, table, group.record, columns: columns)
            }
        } else if !inserted {
            if !knownNew, let missing = table.fields.indices.first(where: { table.fields[$0].required && !indexes.contains($0) }) {
                throw ReplicaError(.missingCreation, "\(group) changes \(group.kind.rawValue) \(group.record), which is not held "
                                   + "here, and does not create it (no \(table.fields[missing].name))")
            }
            _ = try insertRecord(creation(), table, orExisting: false)
        }

        // The log keeps every value with its change, so a delta never reads the record.
        // (The closure numbers origins while `bodyWriter` is passed inout: it must not touch it.)
        bodyWriter.removeAll()
        for (position, change) in group.fields.enumerated() {
            try ChangeBody.write(index: indexes[position], value: values[position], contextCount: change.context.count,
                                 context: { (try number(of: change.context[$0].origin), change.context[$0].counter) },
                                 to: &bodyWriter)
        }
        try logGroup(scope: scope, origin: origin, group: group, kindCode: table.code, encodedBody: bodyWriter.bytes)
        advance(scope: scope, origin: origin, to: group.lastCounter)
        if createdRows.count >= unstoredRowLimit { try writeKeptRows() }
        return applied
    }

    /// Writes `columns` of `row` and its clock to the table's row of `record`. Never while
    /// that row is kept in memory: ``apply(_:knownNew:existing:validated:keepRow:)`` takes its
    /// kept row out before deciding, and nothing else writes rows in a batch.
    func write(_ row: StoredRow, _ table: KindTable, _ record: RecordID, columns: [Int]) throws {
        assert(keptRows[RowKey(code: table.code, record: record)] == nil, "a kept row written past its copy in memory")
        try updateStatement(table, columns: columns).executeDirect { binder in
            for (position, index) in columns.enumerated() { try binder.bind(row.values[index], at: position + 1) }
            try binder.bind(blob: row.clock.encoded(), at: columns.count + 1)
            try binder.bind(record, at: columns.count + 2)
        }
    }

    /// Throws ``RecordsHeld`` when the table holds the record of `key`, whose row this batch
    /// made in memory: the batch is then run again with that record's creation looked up.
    private func confirmNotHeld(_ table: KindTable, _ key: RowKey) throws {
        let held = try statement("SELECT 1 FROM \(table.quotedTable) WHERE id = ?")
            .firstRowDirect({ try $0.bind(key.record, at: 1) }) { _ in true }
        if held == true { throw RecordsHeld(keys: [key]) }
    }

    /// Inserts up to `limit` of the oldest rows made in memory, in storage order: what
    /// ``flush()`` would insert, done while the caller would otherwise wait (for the next
    /// part of a stream). A later group of the batch that changes one of them reads it from
    /// its table, as any record held before the batch.
    ///
    /// - Returns: Whether there were any to insert.
    /// - Throws: ``RecordsHeld`` when the table holds some of them already.
    func writeCreatedRowsEarly(upTo limit: Int) throws -> Bool {
        var keys: [RowKey] = [], positions: [Int] = []
        while firstNotWrittenEarly < createdRows.count && keys.count < limit {
            if let key = createdKeys[firstNotWrittenEarly] {
                keys.append(key)
                positions.append(firstNotWrittenEarly)
            }
            firstNotWrittenEarly += 1
        }
        guard !keys.isEmpty else { return false }
        var held: Set<RowKey> = []
        for index in RowKey.storageOrder(of: keys) {
            // Its place in `createdRowPositions` now finds nil, as for a row taken over.
            try insertCreatedRow(at: positions[index], keys[index], held: &held)
        }
        if !held.isEmpty { throw RecordsHeld(keys: held) }
        return true
    }

    /// Inserts the row made in memory at `position` of ``createdRows``, moved out of it into
    /// ``insertedRows`` (not copied: a copy retains each of its arrays). When its table holds
    /// the record already, only this insert is undone and `key` goes into `held`.
    private func insertCreatedRow(at position: Int, _ key: RowKey, held: inout Set<RowKey>) throws {
        let table = try kindTable(code: key.code)
        let created = takeCreatedRow(at: position)!
        do {
            try insert(created, table)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            held.insert(key)
        }
        insertedRows.append(consume created)
    }

    /// Moves the row made in memory at `position` out of ``createdRows``, and its key out of
    /// ``createdKeys``; nil when it was taken already.
    private func takeCreatedRow(at position: Int) -> CreatedRow? {
        createdKeys[position] = nil
        return createdRows[position].take()
    }

    /// Inserts every row made in memory, then writes every kept row with unwritten changes,
    /// each in storage order, and forgets them all.
    private func writeKeptRows() throws {
        // Rows made in memory first (as made), then rows kept that the tables do not hold.
        var inserts: [RowKey] = []
        inserts.reserveCapacity(createdRows.count)
        var createdPositions: [Int] = []
        createdPositions.reserveCapacity(createdRows.count)
        for position in createdRows.indices {
            guard let key = createdKeys[position] else { continue }
            inserts.append(key)
            createdPositions.append(position)
        }
        var updates: [RowKey] = []
        for (key, kept) in keptRows {
            if !kept.stored {
                inserts.append(key)
            } else if !kept.unwritten.isEmpty {
                updates.append(key)
            }
        }
        // A record found held does not stop the rest: every such record is found at once.
        var held: Set<RowKey> = []
        let order = RowKey.storageOrder(of: inserts)
        if order.count >= PreparedInserts.threadedFrom {
            let rows = order.map { index in
                index < createdPositions.count ? PreparedInserts.Row.created(position: createdPositions[index])
                    : .kept(inserts[index], keptRows[inserts[index]]!.row)
            }
            var created: [CreatedRow?] = []
            swap(&created, &createdRows)
            // Given up, not copied: the rows are freed on that thread, when it is done with them.
            try insert(PreparedInserts.preparing(consume rows, created: consume created, tables: tables), held: &held)
        } else {
            for index in order {
                let key = inserts[index]
                if index < createdPositions.count {
                    try insertCreatedRow(at: createdPositions[index], key, held: &held)
                    continue
                }
                do {
                    try insert(keptRows[key]!.row, key.record, try kindTable(code: key.code))
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    held.insert(key)
                }
            }
        }
        Disposal.empty(&insertedRows)
        firstNotWrittenEarly = 0
        if !held.isEmpty { throw RecordsHeld(keys: held) }
        createdRows.removeAll(keepingCapacity: true)
        createdKeys.removeAll(keepingCapacity: true)
        createdRowPositions.removeAll(keepingCapacity: true)
        var kept: [RowKey: KeptRow] = [:]
        swap(&kept, &keptRows)
        for key in RowKey.inStorageOrder(updates) {
            try write(kept[key]!.row, try kindTable(code: key.code), key.record, columns: kept[key]!.unwritten)
        }
        // A large batch's kept rows are freed on another thread, as its rows made in memory are.
        Disposal.empty(&kept)
    }

    /// Inserts every row of `parts`, as they come; a row whose record the table holds
    /// already goes into `held`.
    private func insert(_ parts: HandOff<PreparedInserts, ReplicaError>, held: inout Set<RowKey>) throws {
        while let part = try parts.receive() {
            for index in part.keys.indices {
                let key = part.keys[index]
                do {
                    try insertStatement(try kindTable(code: key.code)).executeDirect(part.bindings, parameters: part.parameters(of: index))
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    held.insert(key)
                }
            }
        }
    }

    private func kindTable(code: Int) throws -> KindTable {
        guard let table = tables.withCode(code) else {
            throw ReplicaError(.corrupt, "a row kept for writing names kind code \(code)")
        }
        return table
    }

    /// Inserts a row made in memory, binding only what its creating group wrote.
    private func insert(_ created: CreatedRow, _ table: KindTable) throws {
        try withInsertBindings { bindings in
            created.bind(for: table, into: &bindings)
            try insertStatement(table).executeDirect(bindings)
        }
    }

    /// Runs `body` with ``insertBindings`` emptied and moved into a local (a property of
    /// this class would be checked for exclusive access on every parameter set).
    private func withInsertBindings(_ body: (inout StaticBindings) throws -> Void) throws {
        var bindings = StaticBindings()
        swap(&bindings, &insertBindings)
        defer { swap(&bindings, &insertBindings) }
        bindings.removeAll()
        try body(&bindings)
    }

    /// Inserts a whole row: one made in memory that later groups of the batch changed.
    private func insert(_ row: StoredRow, _ record: RecordID, _ table: KindTable) throws {
        try withInsertBindings { bindings in
            row.bind(record, for: table, into: &bindings)
            try insertStatement(table).executeDirect(bindings)
        }
    }

    /// A row made in memory, as ``row(_:_:fields:)`` would read it back once inserted.
    private func storedRow(_ created: CreatedRow, _ table: KindTable) -> StoredRow {
        let clock = RowClock.creation(origin: created.origin, first: created.first, time: created.time,
                                      fields: created.indexes, fieldCount: table.fields.count)
        var values = [DatabaseValue](repeating: .null, count: table.fields.count)
        if let scopeIndex = table.scopeFieldIndex { values[scopeIndex] = created.scope.databaseValue }
        for (position, index) in created.indexes.enumerated() { values[index] = created.values[position].databaseValue }
        return StoredRow(values: values, clock: clock)
    }

    /// Inserts the row a group makes. When the record exists already: returns false if
    /// `orExisting`, else throws `record_exists`.
    private func insertRecord(_ made: CreatedRow, _ table: KindTable, orExisting: Bool) throws -> Bool {
        do {
            try insert(made, table)
            return true
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            if orExisting { return false }
            throw ReplicaError(.recordExists, "\(table.kind.rawValue) \(made.key.record) already exists")
        }
    }

    /// Records a set-aside group: its dots are taken (the vector advances past them) and its
    /// chain hash kept, but no record changes. When `original` is given — the group was set
    /// aside here — also lists it in `set_aside` with that content.
    func applySetAside(_ group: ChangeGroup, original: ChangeGroup?, notedAt: Timestamp) throws {
        guard let setAside = group.setAside else { return }
        let scope = try number(of: group.scope)
        let origin = try number(of: group.origin)
        try insertGroupRow(into: .changeLog, scope: scope, origin: origin, group: group,
                           kindCode: group.kind.storageCode, body: ChangeBody(fields: []))
        advance(scope: scope, origin: origin, to: group.lastCounter)
        // Listed only where it was set aside: a group that arrived set aside just takes its dots.
        if original != nil { try noteSetAside(group, setAside, original: original, notedAt: notedAt) }
    }

    /// Lists `group` in `set_aside` (once per first dot).
    func noteSetAside(_ group: ChangeGroup, _ setAside: SetAside, original: ChangeGroup?, notedAt: Timestamp) throws {
        var content: String?
        if let original {
            var object: [String: Any] = [:]
            for field in original.fields {
                switch field.value {
                case .null: object[field.field] = NSNull()
                case .integer(let value): object[field.field] = value
                case .real(let value): object[field.field] = value
                case .text(let value): object[field.field] = value
                }
            }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            content = String(decoding: data, as: UTF8.self)
        }
        try statement("""
            INSERT OR IGNORE INTO set_aside (scope, origin, counter, count, kind, record, author, written_at, code, reason,
                                             noted_at, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [group.scope.name, group.origin.description, Int64(group.firstCounter),
                                     group.fields.count, group.kind.rawValue, group.record.description, group.author,
                                     group.time.milliseconds, setAside.code, setAside.reason, notedAt.milliseconds, content])
    }

    /// Copies a superseded entry's value into the change-log row that wrote it, which until
    /// now left the value to the record. Must run before the record's row forgets it.
    private func materialize(_ entry: RegisterEntry, scope: Int) throws {
        let origin = try number(of: entry.dot.origin)
        guard let found = try loggedGroup(scope: scope, origin: origin, holding: entry.dot.counter) else {
            throw ReplicaError(.corrupt, "no change-log group wrote \(entry.dot)")
        }
        var run = found.run
        let index = found.index
        let logged = run.entries[index]
        let position = Int(entry.dot.counter - logged.first)
        guard var body = ChangeBody(decoding: logged.body, count: logged.setAside == nil ? logged.count : 0),
              body.fields.indices.contains(position) else {
            throw ReplicaError(.corrupt, "the change-log group of \(entry.dot) is unreadable")
        }
        guard body.fields[position].value == nil else { return }
        body.fields[position].value = entry.value
        run.entries[index].body = body.encoded()
        try rewrite(run)
    }

    /// The value of a change whose log row leaves it to the record: the row's column, or
    /// its entry in the field's open conflict.
    private func heldValue(_ table: KindTable, _ record: RecordID, field: Int, dot: Dot,
                           rows: inout [RecordID: StoredRow]) throws -> FieldValue {
        if rows[record] == nil { rows[record] = try row(table, record) }
        guard let stored = rows[record],
              let entry = try register(table, record, field: field, in: stored).entries.first(where: { $0.dot == dot }) else {
            throw ReplicaError(.corrupt, "\(table.kind.rawValue) \(record) no longer holds the value of \(dot)")
        }
        return entry.value
    }

    /// Stores a field's new register into the row (column = displayed value, clock) and
    /// keeps the conflict table in step.
    func store(_ register: FieldRegister, _ table: KindTable, _ record: RecordID, field: Int,
                       wasConflict: Bool, into row: inout StoredRow) throws {
        row.values[field] = register.displayed?.value.databaseValue ?? .null
        let clock = try register.entries.map {
            RowClock.Entry(origin: try number(of: $0.dot.origin), counter: $0.dot.counter, time: $0.time.milliseconds)
        }
        row.clock.fields[field] = RowClock.Entries(clock)
        // Bound directly: a batch of concurrent edits writes these rows for every change.
        if wasConflict {
            try statement("DELETE FROM conflict WHERE kind = ? AND record = ? AND field = ?").executeDirect { binder in
                try binder.bind(table.code.databaseValue, at: 1)
                try binder.bind(record, at: 2)
                try binder.bind(field.databaseValue, at: 3)
            }
        }
        if register.isConflict {
            let insert = try statement("""
                INSERT INTO conflict (kind, record, field, origin, counter, time, value) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            // Each entry's origin number, counter and time as the row's clock holds them.
            for (entry, numbered) in zip(register.entries, clock) {
                try insert.executeDirect { binder in
                    try binder.bind(table.code.databaseValue, at: 1)
                    try binder.bind(record, at: 2)
                    try binder.bind(field.databaseValue, at: 3)
                    try binder.bind(numbered.origin.databaseValue, at: 4)
                    try binder.bind(Int64(numbered.counter).databaseValue, at: 5)
                    try binder.bind(numbered.time.databaseValue, at: 6)
                    try binder.bind(entry.value, at: 7)
                }
            }
        }
    }

    /// Where a group goes.
    enum GroupTable {
        /// Applied groups: the change log.
        case changeLog
        /// Held-back groups (`pending_group`), ignoring ones already held back.
        case pending
    }

    /// Adds a group to the change log or to `pending_group`.
    func insertGroupRow(into table: GroupTable, scope: Int, origin: Int, group: ChangeGroup, kindCode: Int, body: ChangeBody) throws {
        switch table {
        case .changeLog:
            try logGroup(scope: scope, origin: origin, group: group, kindCode: kindCode, encodedBody: body.encoded())
        case .pending:
            try statement("""
                INSERT OR IGNORE INTO pending_group (scope, origin, counter, count, kind, record, time, author, body, clamped_time,
                                                     previous_hash, set_aside, set_aside_reason, set_aside_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    scope, origin, Int64(group.firstCounter), group.fields.count, kindCode, group.record.databaseValue,
                    group.time.milliseconds, group.author, Data(body.encoded()), group.clampedTime?.milliseconds,
                    group.previousHash.map { Data($0) }, group.setAside?.code, group.setAside?.reason,
                    (group.setAside?.hash).map { Data($0) },
                ])
        }
    }

    /// Adds an applied (or set-aside) group to the change log, its body already encoded.
    private func logGroup(scope: Int, origin: Int, group: ChangeGroup, kindCode: Int, encodedBody: [UInt8]) throws {
        let hash = group.chainHash
        try appendToLog(scope: scope, origin: origin, LogEntry(
            first: group.firstCounter, count: group.fields.count, kindCode: kindCode, record: group.record,
            time: group.time.milliseconds, author: group.author, body: encodedBody, hash: hash,
            setAside: group.setAside?.code, clampedTime: group.clampedTime?.milliseconds))
        let key = VectorKey(scope: scope, origin: origin)
        if let latest = latestHead, latest.key != key { settle(latest) }
        latestHead = (key, group.lastCounter, hash)
    }

    /// The columns ``group(fromPendingRow:scope:)`` reads from `pending_group`, in order.
    static let pendingColumns = "origin, counter, count, kind, record, time, author, body, previous_hash, set_aside, "
        + "set_aside_reason, set_aside_hash, clamped_time"

    /// Rebuilds a held-back group from a `pending_group` row selected with ``pendingColumns``.
    func group(fromPendingRow row: Row, scope: ScopeID) throws -> ChangeGroup {
        guard let record = RecordID(row[4] as DatabaseValue) else {
            throw ReplicaError(.corrupt, "an unreadable held-back group in \(scope)")
        }
        let entry = LogEntry(first: UInt64(row[1] as Int64), count: row[2], kindCode: row[3], record: record, time: row[5],
                             author: row[6], body: [UInt8](row[7] as Data), hash: (row[11] as Data?).map { [UInt8]($0) },
                             setAside: row[9], clampedTime: row[12])
        return try group(from: entry, origin: row[0], scope: scope, previousHash: (row[8] as Data?).map { [UInt8]($0) },
                         setAsideReason: row[10])
    }

    /// Rebuilds a group from its change-log entry (or a held-back group's row).
    ///
    /// - Parameters:
    ///   - origin: The local number of the origin that wrote it.
    ///   - previousHash: The chain hash it follows, where known.
    ///   - setAsideReason: Why it was set aside, where known.
    func group(from entry: LogEntry, origin originNumber: Int, scope: ScopeID, previousHash: [UInt8]? = nil,
               setAsideReason: String? = nil) throws -> ChangeGroup {
        let origin = try replica(numbered: originNumber)
        guard let table = tables.withCode(entry.kindCode),
              let body = ChangeBody(decoding: entry.body, count: entry.setAside == nil ? entry.count : 0) else {
            throw ReplicaError(.corrupt, "an unreadable change-log group from \(origin) at \(entry.first) in \(scope)")
        }
        let clamped = entry.clampedTime.map(Timestamp.init(milliseconds:))
        if let code = entry.setAside {
            // Set aside: its dots and chain hash, no values.
            return ChangeGroup(origin: origin, scope: scope, kind: table.kind, record: entry.record, firstCounter: entry.first,
                               time: Timestamp(milliseconds: entry.time), author: entry.author,
                               fields: Array(repeating: FieldChange(field: "", value: .null), count: entry.count),
                               previousHash: previousHash,
                               setAside: SetAside(code: code, reason: setAsideReason ?? "", hash: entry.hash ?? GroupHash.genesis),
                               clampedTime: clamped)
        }
        var rows: [RecordID: StoredRow] = [:]
        let fields = try body.fields.enumerated().map { position, field in
            guard table.fields.indices.contains(field.index) else {
                throw ReplicaError(.corrupt, "a change-log group names field \(field.index) of \(table.kind.rawValue)")
            }
            let value = try field.value ?? heldValue(table, entry.record, field: field.index,
                                                     dot: Dot(origin: origin, counter: entry.first + UInt64(position)), rows: &rows)
            return FieldChange(field: table.fields[field.index].name, value: value,
                               context: try field.context.map { Dot(origin: try replica(numbered: $0.origin), counter: $0.counter) })
        }
        return ChangeGroup(origin: origin, scope: scope, kind: table.kind, record: entry.record,
                           firstCounter: entry.first, time: Timestamp(milliseconds: entry.time),
                           author: entry.author, fields: fields, previousHash: previousHash, clampedTime: clamped)
    }
}
