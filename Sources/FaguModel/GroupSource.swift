/// Groups that come a part at a time, in order: a change set still being read on another
/// thread, say. `Replica.apply(_:screen:)` applies each part as it comes, in the one
/// transaction, so reading the rest overlaps applying what came first. It may be asked for
/// its groups from another thread than the one that made it (never from two at once).
public protocol GroupSource: AnyObject, Sendable {
    /// How many groups the source expects to give in all, to make room for them (0 when it
    /// does not know).
    var expectedGroupCount: Int { get }

    /// The next groups in order, waiting for them when they are not read yet; nil once every
    /// group has come and the source has found the whole of its input sound.
    ///
    /// - Throws: What the source found wrong. It may throw after giving groups: whoever
    ///   applied those must undo them (the replica's apply rolls its transaction back).
    func nextGroups() throws -> [ChangeGroup]?
}
