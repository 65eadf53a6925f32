/// One field's new value inside a ``ChangeGroup``, with the dots it supersedes.
public struct FieldChange: Hashable, Sendable {
    /// The field's name, e.g. `status`.
    public var field: String
    /// The value written.
    public var value: FieldValue
    /// The dots of the field's values that the writer had seen and replaces: its causal context.
    public var context: [Dot]

    /// A field change from its parts; `context` is kept in canonical order.
    public init(field: String, value: FieldValue, context: [Dot] = []) {
        self.field = field
        self.value = value
        // Most changes saw no value or one: nothing to order (a decoder makes one per change).
        self.context = context.count < 2 ? context : context.sorted()
    }
}
