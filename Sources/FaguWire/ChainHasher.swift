import FaguModel
import Foundation

/// Computes the chain hashes of a body's groups, in file order, on a second thread while
/// the reader goes on reading. A group's hash covers its previous hash, so within a stream
/// the hashes come one after another; but nothing the reader checks waits for them, and
/// hashing is a third of reading a body.
///
/// The reader hands over each group as read, with its previous hash left nil where it is
/// the hash of the stream's group before; ``finish()`` returns them all, hashed, in order,
/// or a `deliver` function takes them a batch at a time as they are hashed. Small bodies,
/// and bodies delivered a batch at a time, are hashed on the reader's thread.
final class ChainHasher: @unchecked Sendable {
    /// A group read, and the stream it continues.
    private typealias Read = (group: ChangeGroup, stream: BodyTables.Stream)

    /// Guards `handedOver`, `closed`, `finished` and `failure`.
    private let condition = NSCondition()
    private var handedOver: [[Read]] = []
    private var closed = false
    private var finished = false
    private var failure: WireError?

    /// The groups hashed, in order: written by the hashing side alone, read by ``finish()``
    /// once that side is done. Groups are moved along, never copied: each copy of a group
    /// retains its arrays and strings, and a body holds a hundred thousand groups.
    private var hashed: [ChangeGroup] = []

    /// The reader's side: groups not handed over yet.
    private var batch: [Read] = []
    /// The hashing side: the hash of each stream's latest group.
    private var latest: [BodyTables.Stream: [UInt8]] = [:]
    private let threaded: Bool
    /// Takes each batch as hashed, in order, in place of ``hashed``.
    private let deliver: (@Sendable ([ChangeGroup]) -> Void)?

    /// Groups are handed to the other thread this many at a time.
    static let batchSize = 1_024
    /// Bodies of fewer groups are hashed on the reader's thread.
    static let threadedFrom = 8_192

    /// A hasher for a body of `groupCount` groups.
    ///
    /// - Parameter deliver: Takes the groups a batch at a time as they are hashed, in order,
    ///   on the reader's thread; ``finish()`` then returns none. Nil keeps them all for
    ///   ``finish()``.
    init(groupCount: Int, deliver: (@Sendable ([ChangeGroup]) -> Void)? = nil) {
        // Delivered batches are read on a thread of their own already (`ChangeSetStream`): a
        // third thread would take the core the apply needs.
        threaded = groupCount >= ChainHasher.threadedFrom && deliver == nil
        self.deliver = deliver
        batch.reserveCapacity(min(groupCount, ChainHasher.batchSize))  // a 4.x chunk may hold a few
        if deliver == nil { hashed.reserveCapacity(groupCount) }
        if threaded { Thread.detachNewThread { [self] in run() } }
    }

    /// Takes the next group of the body, of `stream`.
    func add(_ group: consuming ChangeGroup, stream: BodyTables.Stream) {
        batch.append((group, stream))
        if batch.count == ChainHasher.batchSize { handOver() }
    }

    /// Every group added, hashed, in order (none when they were delivered).
    ///
    /// - Throws: `malformed` when a group continues a stream no earlier group started (the
    ///   reader checks this first, so only a reader's mistake gets here).
    func finish() throws(WireError) -> [ChangeGroup] {
        handOver()
        condition.lock()
        closed = true
        condition.broadcast()
        while threaded && !finished { condition.wait() }
        let failure = self.failure
        condition.unlock()
        if let failure { throw failure }
        defer { hashed = [] }
        return hashed
    }

    /// Stops the other thread once it has hashed what it holds, for a reader that failed;
    /// after ``finish()``, does nothing.
    func abandon() {
        condition.lock()
        closed = true
        handedOver.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    private func handOver() {
        guard !batch.isEmpty else { return }
        let chunk = batch
        batch.removeAll(keepingCapacity: true)
        guard threaded else {
            hash(chunk)
            return
        }
        condition.lock()
        handedOver.append(chunk)
        condition.broadcast()
        condition.unlock()
    }

    /// The other thread: hashes chunks as they come until the reader is done.
    private func run() {
        while true {
            condition.lock()
            while handedOver.isEmpty && !closed { condition.wait() }
            if handedOver.isEmpty {
                finished = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let chunk = handedOver.removeFirst()
            condition.unlock()
            hash(chunk)
        }
    }

    private func hash(_ chunk: consuming [Read]) {
        var failed: WireError?
        var delivered: [ChangeGroup] = []
        if deliver != nil { delivered.reserveCapacity(chunk.count) }
        // Taken from the end of the reversed chunk: each group is moved out, not copied.
        chunk.reverse()
        while let (read, stream) = chunk.popLast() {
            var group = read
            if group.previousHash == nil {
                guard let previous = latest[stream] else {
                    failed = WireError(.malformed, "\(group) continues a sequence that no earlier group in the file started")
                    break
                }
                group.previousHash = previous
            }
            latest[stream] = group.computeChainHash()
            if deliver != nil { delivered.append(group) } else { hashed.append(group) }
        }
        if let deliver, !delivered.isEmpty { deliver(delivered) }
        condition.lock()
        if failure == nil { failure = failed }
        condition.unlock()
    }
}
