/// A sync step that could not be done locally (a file that cannot be read or written, a
/// home that is not set up): one sentence a person can act on.
public struct SyncFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The failures a person meets most, so tools can say them in their own words; the rest
    /// are `other`, with ``message`` saying what happened.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        /// No replica in the home: the device has not joined a district.
        case noReplica = "no_replica"
        /// No hub in the home: `fagu-hub init` has not been run there.
        case noHub = "no_hub"
        /// The home already holds a replica (joining again would replace it).
        case replicaExists = "replica_exists"
        /// The home already holds a hub.
        case hubExists = "hub_exists"
        /// The enrollment file cannot be read.
        case enrollmentUnreadable = "enrollment_unreadable"
        /// The file is not an enrollment file.
        case notEnrollment = "not_enrollment"
        /// Anything else.
        case other
    }

    /// What kind of failure.
    public let code: Code
    /// The path or id the failure is about, for the tools' own wording.
    public let subject: String?
    /// What went wrong.
    public let message: String

    /// A failure with its message.
    public init(_ message: String) {
        self.init(.other, subject: nil, message)
    }

    /// A failure of a known kind about `subject`, with its message.
    public init(_ code: Code, subject: String?, _ message: String) {
        self.code = code
        self.subject = subject
        self.message = message
    }

    public var description: String { message }
}
