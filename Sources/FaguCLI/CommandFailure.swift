/// A command could not do what it was asked: one line for stderr, and the exit code.
///
/// Commands throw this for bad input or a refused operation; the executable prints
/// `message` as `fagu…: message` and exits with `exitCode`, having changed nothing.
public struct CommandFailure: Error, Sendable, CustomStringConvertible {
    /// One line a person can act on.
    public let message: String
    /// The process exit code (1 for a failed check, 2 for bad usage, …).
    public let exitCode: Int32

    /// A failure with its message and exit code.
    public init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String { message }
}
