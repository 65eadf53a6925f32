import Foundation

/// Frees a value on a thread of its own: a large batch's groups or rows, whose freeing
/// (every array and string in them) the caller need not wait for.
final class Disposal<Value: Sendable>: @unchecked Sendable {
    /// Set once, before the thread starts; emptied on the thread, where its storage is freed.
    private var value: Value?

    private init(_ value: consuming Value) { self.value = consume value }

    /// Frees `value` on another thread. The caller must give up its copy (`consume`), or
    /// the last reference, and the freeing, may stay with it.
    static func free(_ value: consuming Value) {
        let disposal = Disposal(consume value)
        Thread.detachNewThread { disposal.value = nil }
    }
}
