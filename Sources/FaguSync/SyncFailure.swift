/// A sync step that could not be done locally (a file that cannot be read or written, a
/// home that is not set up): one sentence a person can act on.
public struct SyncFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public let message: String

    /// A failure with its message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
