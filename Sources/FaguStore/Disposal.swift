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

    /// From this many elements, freeing them is worth a thread of its own.
    static var worthAThread: Int { 4_096 }

    /// Empties `elements`: their storage is freed on another thread when there are enough
    /// of them (``worthAThread``) to be worth one, here otherwise.
    static func empty<Element: Sendable>(_ elements: inout [Element]) where Value == [Element] {
        empty(&elements, count: elements.count, emptied: [])
    }

    /// Empties `elements`, weighed as `count` elements (the groups in a list of parts, say)
    /// against ``worthAThread``.
    static func empty<Element: Sendable>(_ elements: inout [Element], weighing count: Int) where Value == [Element] {
        empty(&elements, count: count, emptied: [])
    }

    /// Empties `entries`: freed on another thread from ``worthAThread`` entries, as an array is.
    static func empty<Key: Hashable & Sendable, Element: Sendable>(_ entries: inout [Key: Element])
        where Value == [Key: Element] {
        empty(&entries, count: entries.count, emptied: [:])
    }

    private static func empty(_ value: inout Value, count: Int, emptied: Value) {
        var taken = emptied
        swap(&taken, &value)
        if count >= worthAThread { free(consume taken) }
    }
}
