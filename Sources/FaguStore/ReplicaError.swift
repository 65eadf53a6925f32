import FaguModel

/// Why a replica refused an operation. Nothing was changed when one is thrown.
///
/// Messages name records, fields and dots but never field values, which may be
/// residents' personal data.
public struct ReplicaError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of refusal this is; stable for scripts and tests.
    public enum Code: String, Hashable, Sendable {
        /// The record does not exist.
        case recordNotFound = "record_not_found"
        /// A record with that id already exists.
        case recordExists = "record_exists"
        /// The kind has no such field.
        case unknownField = "unknown_field"
        /// The value does not fit the field's type.
        case invalidValue = "invalid_value"
        /// A required field is missing on a new record.
        case missingField = "missing_field"
        /// The field cannot change once the record exists.
        case immutableField = "immutable_field"
        /// The change's scope is not the record's scope.
        case scopeMismatch = "scope_mismatch"
        /// A received group overlaps what is held: the input is corrupt.
        case overlappingChanges = "overlapping_changes"
        /// The file is not a Fagu replica, or was written by a newer version.
        case incompatibleReplica = "incompatible_replica"
        /// Stored data could not be decoded.
        case corrupt = "corrupt"
        /// The device is not enrolled here, or was revoked.
        case deviceRefused = "device_refused"
        /// Another key was registered for the device first.
        case keyConflict = "key_conflict"
    }

    /// The kind of refusal.
    public let code: Code
    /// A sentence a person can act on.
    public let message: String

    /// An error from its parts.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
