/// A round trip to the hub that failed without the hub refusing the file: the hub could not
/// be reached, took too long, failed itself, or answered something that is not a Fagu reply.
/// Nothing is known to have been applied; syncing again is safe.
public struct HTTPTransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        /// No connection: the address is wrong, the hub is down, or the network is.
        case unreachable
        /// No complete answer within the timeout.
        case timedOut = "timed_out"
        /// The hub answered with a server error (5xx).
        case hubFailed = "hub_failed"
        /// The answer is not a Fagu reply or refusal (a proxy's page, a 404).
        case unexpectedAnswer = "unexpected_answer"
        /// The reply is larger than a change-set file may be.
        case replyTooLarge = "reply_too_large"
        /// The hub's HTTPS certificate is not one this device trusts.
        case untrustedCertificate = "untrusted_certificate"
        /// The hub address is not an `http://` or `https://` URL.
        case badAddress = "bad_address"
    }

    /// The kind of failure.
    public let code: Code
    /// The hub's address as configured.
    public let url: String
    /// One sentence a person can act on.
    public let message: String

    /// A failure from its parts.
    public init(_ code: Code, url: String, _ message: String) {
        self.code = code
        self.url = url
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
