import FaguDomain
import FaguModel
import FaguStore
import Foundation

/// The file the hub issues to join one device to the district: the device's identity and
/// scopes, the hub's address and public key, and a one-time token. It holds no private key.
public struct Enrollment: Codable, Hashable, Sendable {
    /// The format marker, `fagu-enrollment/1`.
    public var format: String
    /// The district.
    public var district: String
    /// Where the hub listens (`http://127.0.0.1:8080`); may be empty for USB-only devices.
    public var hubURL: String
    /// The hub's replica id (replies must come from it).
    public var hubReplica: String
    /// The hub's Ed25519 public key, hex.
    public var hubPublicKey: String
    /// The hub's X25519 public key, hex: the device seals every file for the hub to it.
    public var hubEncryptionKey: String
    /// The new device's replica id.
    public var replica: String
    /// `adviser` or `office`.
    public var role: String
    /// The adviser's or community's bureau code.
    public var subject: String
    /// The scopes the device will hold.
    public var scopes: [String]
    /// The one-time token that registers the device's key on its first exchange.
    public var token: String
    /// When the hub issued it.
    public var issuedAt: String

    private enum CodingKeys: String, CodingKey {
        case format, district, replica, role, subject, scopes, token
        case hubURL = "hub_url", hubReplica = "hub_replica", hubPublicKey = "hub_public_key", issuedAt = "issued_at"
        case hubEncryptionKey = "hub_encryption_key"
    }

    /// The format this code writes and reads.
    public static let currentFormat = "fagu-enrollment/2"

    /// An enrollment from its parts.
    public init(district: String, hubURL: String, hubReplica: ReplicaID, hubPublicKey: [UInt8], hubEncryptionKey: [UInt8],
                replica: ReplicaID,
                role: DeviceRole, subject: String, scopes: [ScopeID], token: String, issuedAt: Timestamp) {
        format = Enrollment.currentFormat
        self.district = district
        self.hubURL = hubURL
        self.hubReplica = hubReplica.description
        self.hubPublicKey = Hex.encode(hubPublicKey)
        self.hubEncryptionKey = Hex.encode(hubEncryptionKey)
        self.replica = replica.description
        self.role = role.rawValue
        self.subject = subject
        self.scopes = scopes.map(\.name)
        self.token = token
        self.issuedAt = issuedAt.description
    }

    /// Reads an enrollment file.
    ///
    /// - Throws: ``SyncFailure`` when the file is missing or is not an enrollment.
    public static func read(from path: String) throws -> Enrollment {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SyncFailure(.enrollmentUnreadable, subject: path, "cannot read the enrollment file \(path)")
        }
        let decoder = JSONDecoder()
        if let format = try? decoder.decode(FormatOnly.self, from: data), format.format != currentFormat {
            throw SyncFailure("\(path) is an enrollment of format \(format.format); this Fagu reads \(currentFormat): "
                              + "ask the hub for a new enrollment file")
        }
        guard let enrollment = try? decoder.decode(Enrollment.self, from: data) else {
            throw SyncFailure(.notEnrollment, subject: path, "\(path) is not a Fagu enrollment file")
        }
        guard enrollment.format == currentFormat else {
            throw SyncFailure("\(path) is an enrollment of format \(enrollment.format); this Fagu reads \(currentFormat)")
        }
        guard ReplicaID(enrollment.replica) != nil, ReplicaID(enrollment.hubReplica) != nil,
              Hex.decode(enrollment.hubPublicKey)?.count == 32, Hex.decode(enrollment.hubEncryptionKey)?.count == 32,
              DeviceRole(rawValue: enrollment.role) != nil,
              !enrollment.token.isEmpty else {
            throw SyncFailure("\(path) is damaged: an id, key, role or token is missing or invalid")
        }
        return enrollment
    }

    /// Just the format marker, read first so an older file gets a clear message.
    private struct FormatOnly: Decodable {
        var format: String
    }

    /// Writes the file, readable by its owner only (it holds the one-time token).
    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(self), to: path)
    }
}
