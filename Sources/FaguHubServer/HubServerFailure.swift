/// The hub server could not start: a TLS file that cannot be read, an address that cannot be
/// bound. One sentence a person can act on.
public struct HubServerFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public let message: String

    /// A failure with its message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
