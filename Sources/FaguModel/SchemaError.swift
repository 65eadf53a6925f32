/// Why a list of kinds is not a valid ``Schema``.
public struct SchemaError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, in one sentence.
    public let message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
