import FaguModel
import GRDB

extension Replica {
    /// One application of received groups inside a write transaction, taken in one part or
    /// in several as they come (``Replica/apply(_:screen:)`` with a `GroupSource`): what
    /// outlives a part until ``finish()``.
    struct ApplyRun {
        /// The transaction's context, shared by every part.
        let context: TransactionContext
        /// What earlier attempts found.
        let attempt: ApplyAttempt
        /// When the groups were received.
        let now: Timestamp
        /// The report so far; what still waits is added by ``finish()``.
        var report = ApplyReport()
        /// The content of each group set aside on arrival, by ``Replica/key(of:)``: a group
        /// that waits in one part may be released in a later one.
        var originals: [String: ChangeGroup] = [:]
        /// Per scope, its groups still waiting after the last part that had any of its groups.
        var waiting: [ScopeID: [(group: ChangeGroup, missing: [Dot])]] = [:]

        /// A run in `db` of a batch of about `groups` groups.
        init(_ db: Database, tables: KindTables, expecting groups: Int, attempt: ApplyAttempt, now: Timestamp) throws {
            context = try TransactionContext(db, tables: tables)
            context.defersCreations = true
            context.heldRecords = attempt.heldRecords
            context.expectCreations(upTo: groups)
            self.attempt = attempt
            self.now = now
        }

        /// Lists and counts what still waits, writes what the context holds in memory, and
        /// returns the report.
        mutating func finish() throws -> ApplyReport {
            for (_, waiting) in waiting.sorted(by: { $0.key < $1.key }) {
                report.heldBackGroups += waiting.count
                // A group set aside on arrival that must wait for an earlier one is listed now,
                // while its content is at hand: pending rows keep a set-aside group without it,
                // and once released it is applied as one that arrived set aside.
                for waiting in waiting {
                    guard let setAside = waiting.group.setAside, let original = originals[Replica.key(of: waiting.group)] else { continue }
                    try context.noteSetAside(waiting.group, setAside, original: original, notedAt: now)
                }
                for waiting in waiting where report.missing.count < 8 {
                    report.missing.append(contentsOf: waiting.missing.prefix(8 - report.missing.count))
                }
            }
            try context.flush()
            return report
        }
    }
}
