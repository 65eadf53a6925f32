import Foundation

/// Values passed from one thread to another, in order: the sender sends them and then
/// finishes (or fails); the receiver takes each in turn, waiting while none is there. What
/// joins a reading thread to the one that applies what it read.
package final class HandOff<Value: Sendable, Failure: Error>: @unchecked Sendable {
    /// Guards everything below.
    private let condition = NSCondition()
    /// Values sent, not yet received from `received` on.
    private var sent: [Value?] = []
    private var received = 0
    private var finished = false
    private var failure: Failure?

    package init() {}

    /// Passes `value` on.
    package func send(_ value: Value) {
        condition.lock()
        sent.append(value)
        condition.broadcast()
        condition.unlock()
    }

    /// Ends the values, with `failure` if the sender failed: the receiver gets it after the
    /// values sent before.
    package func finish(failing failure: Failure? = nil) {
        condition.lock()
        self.failure = failure
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Whether ``receive()`` would return at once: a value is there, or the sender finished.
    package var isReady: Bool {
        condition.lock()
        defer { condition.unlock() }
        return received < sent.count || finished
    }

    /// The next value, waiting until it is sent; nil once the sender finished and every
    /// value was received.
    ///
    /// - Throws: The sender's failure, once the values sent before it were received.
    package func receive() throws(Failure) -> Value? {
        condition.lock()
        defer { condition.unlock() }
        while received == sent.count && !finished { condition.wait() }
        if received < sent.count {
            defer {
                sent[received] = nil  // dropped here: the receiver holds the only reference
                received += 1
            }
            return sent[received]
        }
        if let failure { throw failure }
        return nil
    }
}
