import FaguModel
import Foundation

/// The groups of a `GroupSource`, a batch at a time, each with what validating its groups
/// against the replica's tables found. For a large source the batches are taken and
/// validated on a thread of their own, while the replica applies the batches before them;
/// a small one is taken and validated on the caller's thread, when asked.
final class ValidatedBatches: Sendable {
    /// Groups in the source's order, and per group what ``KindTables/validation(of:)``
    /// found, or nil for a group that came set aside (it is not checked).
    typealias Batch = (groups: [ChangeGroup], validations: [Result<Replica.Validated, ReplicaError>?])

    /// From this many expected groups a thread of its own gains more than it costs (as for
    /// the reading of a change set).
    static let threadedFrom = 8_192

    private let source: any GroupSource
    private let tables: KindTables
    /// The batches validated on the thread, when there is one.
    private let handOff: HandOff<Batch, any Error>?

    /// Starts taking batches from `source` on a thread, if it is large enough.
    init(_ source: some GroupSource, tables: KindTables) {
        self.source = source
        self.tables = tables
        guard source.expectedGroupCount >= ValidatedBatches.threadedFrom else {
            handOff = nil
            return
        }
        let handOff = HandOff<Batch, any Error>()
        self.handOff = handOff
        Thread.detachNewThread {
            do {
                while let groups = try source.nextGroups() { handOff.send(ValidatedBatches.validated(groups, tables)) }
                handOff.finish()
            } catch {
                handOff.finish(failing: error)
            }
        }
    }

    /// Whether ``next()`` would return at once (always, for a source taken on the caller's thread).
    var isReady: Bool { handOff?.isReady ?? true }

    /// The next batch, waiting while it is taken and validated; nil once the source gave
    /// every group and found its whole input sound.
    ///
    /// - Throws: What the source throws, after the batches it gave before.
    func next() throws -> Batch? {
        if let handOff { return try handOff.receive() }
        return try source.nextGroups().map { ValidatedBatches.validated($0, tables) }
    }

    private static func validated(_ groups: [ChangeGroup], _ tables: KindTables) -> Batch {
        (groups, groups.map { $0.setAside == nil ? tables.validation(of: $0) : nil })
    }
}
