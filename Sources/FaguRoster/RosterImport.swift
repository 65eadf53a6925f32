import FaguDomain
import FaguModel

/// What reading the roster files gave: the records to import, the errors that stop a file
/// from being imported, and the warnings that do not.
///
/// A file with any error contributes no records at all, and appointments that name an
/// adviser or community only such a file defines are errors too, so the records here can
/// be written as they are without leaving a dangling reference. Whether to write them when
/// another file was rejected is the caller's decision: ``hasErrors`` tells it.
public struct RosterImport: Hashable, Sendable {
    /// The communities read, in file order; empty when their file has errors.
    public var communities: [Community]
    /// The advisers read, in file order; empty when their file has errors.
    public var advisers: [Adviser]
    /// The appointments read, in file order; empty when their file has errors.
    public var appointments: [Appointment]
    /// What stopped a file from being imported, by file (communities, advisers,
    /// appointments) and line.
    public var errors: [RosterProblem]
    /// The roster rules (R2, R7, R9) that the rows read do not meet, by file and line.
    public var warnings: [RosterProblem]
    /// The names of the files that have errors and so give no records, in the same order.
    public var rejectedFiles: [String]

    /// A result from its parts; by default, an empty one.
    public init(communities: [Community] = [], advisers: [Adviser] = [], appointments: [Appointment] = [],
                errors: [RosterProblem] = [], warnings: [RosterProblem] = [], rejectedFiles: [String] = []) {
        self.communities = communities
        self.advisers = advisers
        self.appointments = appointments
        self.errors = errors
        self.warnings = warnings
        self.rejectedFiles = rejectedFiles
    }

    /// Whether any file has errors; a caller that imports all or nothing imports nothing.
    public var hasErrors: Bool { !errors.isEmpty }

    /// Whether the file named `name` has errors and so gives no records.
    public func rejects(fileNamed name: String) -> Bool { rejectedFiles.contains(name) }
}
