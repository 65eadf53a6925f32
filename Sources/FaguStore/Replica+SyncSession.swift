import FaguMerge
import FaguModel

extension Replica {
    /// The next message of `session` from this replica — its vectors, and a page of at most
    /// `pageLimit` groups the peer lacks — noted as sent; nil when this side has nothing
    /// more to say. Carry it to the peer any way (in memory, a change-set file, HTTP).
    public func nextMessage(in session: inout SyncSession, pageLimit: Int = 2_000) throws -> SyncMessage? {
        let ours = try vectors(scopes: session.scopes)
        guard let plan = session.next(holding: ours) else { return nil }
        var message = SyncMessage(vectors: ours)
        if let above = plan.above {
            let delta = try measureDelta(for: above, scopes: session.scopes, limit: pageLimit)
            message.groups = delta.groups
            message.more = !delta.complete
        }
        session.sent(message)
        return message
    }

    /// Applies a message from the peer (see ``apply(_:screen:)``) and notes it in `session`.
    @discardableResult
    public func receive(_ message: SyncMessage, in session: inout SyncSession) throws -> ApplyReport {
        let report = try apply(message.groups)
        session.received(message)
        return report
    }
}
