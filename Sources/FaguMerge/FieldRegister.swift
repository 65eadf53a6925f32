import FaguModel

/// A multi-value register: the current values of one field, each with the dot of the
/// change that wrote it.
///
/// One entry is the normal case. Several entries are an open conflict: writes made
/// without seeing each other. A write that has seen all entries (its context holds their
/// dots) replaces them; a write concurrent with some is added beside them.
///
/// ```swift
/// var register = FieldRegister()
/// register.apply(dot: a1, value: .text("open"), time: t, context: [])      // {a1}
/// register.apply(dot: b1, value: .text("closed"), time: t, context: [a1])  // {b1}
/// register.apply(dot: a2, value: .text("mediated"), time: t, context: [a1])// {a2, b1}: conflict
/// ```
public struct FieldRegister: Hashable, Sendable {
    /// The current entries, in dot order.
    public private(set) var entries: [RegisterEntry]

    /// A register holding `entries` (any order).
    public init(_ entries: [RegisterEntry] = []) {
        // Nearly every field holds one entry: nothing to sort, and sorting still allocates.
        self.entries = entries.count < 2 ? entries : entries.sorted { $0.dot < $1.dot }
    }

    /// Whether the field has never been written (or only by writes not yet received).
    public var isEmpty: Bool { entries.isEmpty }

    /// Whether concurrent writes are waiting for a person to decide.
    public var isConflict: Bool { entries.count > 1 }

    /// The dots of the current entries: the context a new local write of this field carries.
    public var dots: [Dot] { entries.map(\.dot) }

    /// The entry every replica displays: the latest write, ties broken by dot.
    public var displayed: RegisterEntry? {
        entries.max { $1.displaysAhead(of: $0) }
    }

    /// Applies one change to the field and says what happened.
    ///
    /// Changes must arrive causally (see ``DeliveryDecision``): every dot in `context` has
    /// been applied before, so a change can never arrive after one that superseded it.
    ///
    /// Pure and deterministic: the result depends only on the register and the change, and
    /// applying concurrent changes in either order gives the same register.
    ///
    /// - Parameters:
    ///   - dot: The change's dot.
    ///   - value: The value it wrote.
    ///   - time: When it was written.
    ///   - context: The dots it supersedes.
    /// - Returns: The outcome, for reporting.
    /// - Complexity: O(*n* + *c*) for *n* entries and *c* context dots.
    @discardableResult
    public mutating func apply(dot: Dot, value: FieldValue, time: Timestamp, context: [Dot]) -> MergeOutcome {
        if entries.contains(where: { $0.dot == dot }) { return .duplicate }
        let superseded = Set(context)
        let kept = entries.filter { !superseded.contains($0.dot) }
        let replaced = entries.count - kept.count
        var next = kept
        let position = next.firstIndex { dot < $0.dot } ?? next.endIndex
        next.insert(RegisterEntry(dot: dot, value: value, time: time), at: position)
        entries = next
        if kept.isEmpty { return .replaced(count: replaced) }
        return .concurrent(with: kept.map(\.dot))
    }

    /// Applies a change (see ``apply(dot:value:time:context:)``).
    @discardableResult
    public mutating func apply(_ change: Change) -> MergeOutcome {
        apply(dot: change.dot, value: change.value, time: change.time, context: change.context)
    }
}
