import FaguModel

/// Why a replica refused an operation. Nothing was changed when one is thrown.
///
/// Messages name records, fields and dots but never field values, which may be
/// residents' personal data.
public struct ReplicaError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of refusal this is; stable for scripts and tests.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        /// The record does not exist.
        case recordNotFound = "record_not_found"
        /// A record with that id already exists.
        case recordExists = "record_exists"
        /// A kind the replica's schema does not declare.
        case unknownKind = "unknown_kind"
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
        /// A change to a work log by another device than the one that created it (the hub,
        /// correcting, excepted).
        case notOwner = "not_owner"
        /// A text value is longer than its field holds.
        case valueTooLong = "value_too_long"
        /// A received group is malformed (a field written twice, no changes, a zero counter).
        case malformedGroup = "malformed_group"
        /// A change to a record this replica does not hold, which is not its creation.
        case missingCreation = "missing_creation"
        /// The same dots with other content, a broken hash chain, or a writer behind what is
        /// held of it: two copies of one replica identity are writing.
        case replicaForked = "replica_forked"
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
    /// The scope concerned, when one group is at fault.
    public var scope: ScopeID?
    /// The first dot of the group at fault, when one is.
    public var dot: Dot?

    /// An error from its parts.
    public init(_ code: Code, _ message: String, scope: ScopeID? = nil, dot: Dot? = nil) {
        self.code = code
        self.message = message
        self.scope = scope
        self.dot = dot
    }

    public var description: String { message }

    /// Whether the error is about one received group — the sender's fault — so the group is
    /// set aside and the rest applied, rather than the replica's own failure.
    public var isAboutTheGroup: Bool {
        switch code {
        case .unknownField, .invalidValue, .missingField, .immutableField, .scopeMismatch, .valueTooLong,
             .malformedGroup, .missingCreation, .recordExists, .notOwner, .unknownKind:
            true
        default:
            false
        }
    }
}
