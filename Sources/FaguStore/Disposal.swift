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

    /// Empties `elements`: their storage is freed on another thread when there are enough
    /// of them (4,096 or more) to be worth one, here otherwise.
    static func empty<Element: Sendable>(_ elements: inout [Element]) where Value == [Element] {
        guard elements.count >= 4_096 else {
            elements = []
            return
        }
        var taken: [Element] = []
        swap(&taken, &elements)
        free(consume taken)
    }
}
