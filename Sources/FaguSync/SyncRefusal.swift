import FaguStore
import FaguWire

/// Why the hub (or a device) refused a change-set file. Nothing from a refused file is
/// applied. The codes are stable: the HTTP API returns them and scripts compare them.
public struct SyncRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of refusal.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        /// The sender is not an enrolled device.
        case unknownDevice = "unknown_device"
        /// The sender was revoked.
        case revokedDevice = "revoked_device"
        /// The file is unsigned or its signature does not verify.
        case badSignature = "bad_signature"
        /// An unregistered device sent no token, or the wrong one.
        case badToken = "bad_token"
        /// A token already used to register a different key.
        case tokenReplayed = "token_replayed"
        /// A reply carrying a community the device does not hold (from a hub, never a device:
        /// the hub sets such groups aside one by one instead).
        case outsideScope = "outside_scope"
        /// Changes written by another replica than the sender (devices send only their own):
        /// the file cannot be trusted.
        case forwardedChanges = "forwarded_changes"
        /// The sender's replica identity is also used by another copy (a copied home or a
        /// restored backup): the same dots with other content, a broken hash chain, or fewer
        /// of its own changes than the hub holds. The device must be re-enrolled.
        case replicaForked = "replica_forked"
        /// A file for another district.
        case wrongDistrict = "wrong_district"
        /// A reply that did not come from this device's hub.
        case wrongSender = "wrong_sender"
        /// A request not newer than the last one the hub took from that device: a copy sent
        /// again. Its changes are applied; it earns no reply data.
        case replayed
        /// Too many uploads in flight from the sender's address: try again shortly (HTTP 429).
        case busy
        /// A reply the hub wrote for another device (its header names another device key).
        case wrongRecipient = "wrong_recipient"
        /// A file that is not sealed to its recipient: every change-set file must be, so
        /// nothing readable travels (HTTP or USB).
        case notSealed = "not_sealed"
        /// A sealed file that does not open with the recipient's key: sealed to another
        /// hub or device, or altered.
        case cannotDecrypt = "cannot_decrypt"
        /// The file itself is bad (truncated, corrupt, a bomb, a version not spoken).
        case badFile = "bad_file"
        /// The changes are invalid for the replica (unknown field, wrong type, wrong scope).
        case invalidChanges = "invalid_changes"
        /// The hub could not do the work (its database busy or failing); nothing was applied:
        /// try again later. The file itself may be fine.
        case hubFailure = "hub_failure"
    }

    /// The kind of refusal.
    public let code: Code
    /// One sentence a person can act on.
    public let message: String

    /// A refusal from its parts.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Whether the hub refused the file for its format version: `bad_file` naming
    /// `unsupported_version`, as every release of the hub has refused a version it cannot read.
    public var isUnreadableVersion: Bool {
        code == .badFile && message.hasPrefix(WireError.Code.unsupportedVersion.rawValue + ":")
    }

    /// A refusal for a file the wire format refuses.
    public init(_ error: WireError) {
        switch error.code {
        case .badSignature: self.init(.badSignature, error.description)
        case .keyRequired, .cannotDecrypt: self.init(.cannotDecrypt, error.description)
        default: self.init(.badFile, error.description)
        }
    }

    /// A refusal for changes the replica refuses (or, for a failing replica, `hub_failure`).
    public init(_ error: ReplicaError) {
        switch error.code {
        case .deviceRefused: self.init(.revokedDevice, error.message)
        case .keyConflict: self.init(.tokenReplayed, error.message)
        case .replicaForked: self.init(.replicaForked, error.message)
        case .corrupt, .incompatibleReplica: self.init(.hubFailure, error.message)
        default: self.init(.invalidChanges, "\(error.code.rawValue): \(error.message)")
        }
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
