import FaguModel
import Foundation

/// A change-set file read on another thread while its groups are used: its header and
/// sizes at once, its groups a batch at a time, in order (``nextGroups()``). A replica's
/// apply takes it as a `GroupSource`, so reading the rest overlaps applying the first.
///
/// Made by ``ChangeSetDecoder/stream(_:key:)``. A file too small to gain from a thread is
/// read on the caller's thread at the first ``nextGroups()``. A stream dropped half-used
/// finishes reading on its thread, then is freed.
public final class ChangeSetStream: GroupSource, @unchecked Sendable {
    /// The file without its groups: header, format version, sizes, signature.
    public let outline: ChangeSet
    /// The file's header.
    public var header: ChangeSetHeader { outline.header }
    /// The number of groups the header declares, never more than its changes (each group
    /// has one; the reader refuses a body where they disagree): a size to make room for,
    /// bounded by the limit on changes however the header lies.
    public var expectedGroupCount: Int { min(outline.header.groupCount, outline.header.changeCount) }

    /// Reads the body, giving its groups to `deliver` a batch at a time (or returning them).
    typealias Reading = @Sendable (_ deliver: @escaping @Sendable ([ChangeGroup]) -> Void) throws(WireError) -> [ChangeGroup]
    private let reading: Reading
    private let threaded: Bool

    /// The batches read, on their way to ``nextGroups()``.
    private let batches = HandOff<[ChangeGroup], WireError>()
    /// Guards `started`.
    private let starting = NSLock()
    private var started = false

    init(_ outline: ChangeSet, threaded: Bool, reading: @escaping Reading) {
        self.outline = outline
        self.threaded = threaded
        self.reading = reading
        if threaded {
            started = true
            Thread.detachNewThread { [self] in read() }
        }
    }

    /// The next groups in the file's order, waiting while they are read; nil once all have
    /// come and the whole body was found sound.
    ///
    /// - Throws: What ``ChangeSetDecoder/decode(_:key:)`` would have thrown for the file,
    ///   possibly after batches were given: whoever used those must undo them.
    public func nextGroups() throws(WireError) -> [ChangeGroup]? {
        starting.lock()
        let start = !started
        started = true
        starting.unlock()
        if start { read() }
        return try batches.receive()
    }

    /// Reads the whole body, on whichever thread runs it.
    private func read() {
        do throws(WireError) {
            let rest = try reading { [batches] batch in batches.send(batch) }
            if !rest.isEmpty { batches.send(rest) }
            batches.finish()
        } catch {
            batches.finish(failing: error)
        }
    }
}
