import FaguModel
import Foundation

/// A change set as plain JSON-ready values: what `fagu-doctor bundle --json` prints and
/// what the protocol's test vectors record as a file's decoded content.
public struct ChangeSetDescription: Codable, Hashable, Sendable {
    /// The header, with vectors as `{scope: {replica: counter}}`.
    public struct Header: Codable, Hashable, Sendable {
        public var sender: String
        public var district: String
        public var scopes: [String]
        public var vectors: [String: [String: UInt64]]
        public var schemaVersion: Int
        public var createdAtMs: Int64
        public var groupCount: Int
        public var changeCount: Int
        /// Enrollment only: the sender's Ed25519 public key, hex.
        public var publicKey: String?
        /// Enrollment only: whether the file carries a one-time token (the token itself is not shown).
        public var carriesEnrollmentToken: Bool?
        /// Whether the sender holds more for the receiver than this file (a page).
        public var more: Bool?
        /// Hub replies: per scope, the receiving device's own last counter the hub holds and
        /// that group's chain hash (hex).
        public var heads: [String: Head]?
        /// Device requests: per scope, its own counter the hub last acknowledged.
        public var acknowledged: [String: UInt64]?
        /// Device requests: the number that tells a new request from a replay.
        public var requestNumber: UInt64?
        /// Device requests: the X25519 key replies are sealed to, hex.
        public var encryptionKey: String?
        /// Hub replies: the receiver's own groups whose time the hub clamped.
        public var retimed: [Retimed]?

        /// A group the hub clamped: scope, first counter, the time it is ordered by.
        public struct Retimed: Codable, Hashable, Sendable {
            public var scope: String
            public var counter: UInt64
            public var timeMs: Int64
        }

        /// A chain head.
        public struct Head: Codable, Hashable, Sendable {
            public var counter: UInt64
            public var hash: String
        }

        /// The JSON form of a header.
        public init(_ header: ChangeSetHeader) {
            sender = header.sender.description
            district = header.district
            scopes = header.scopes.map(\.name)
            vectors = Dictionary(uniqueKeysWithValues: header.vectors.scopes.map { scope in
                (scope.name, Dictionary(uniqueKeysWithValues: header.vectors[scope].sortedEntries.map { ($0.origin.description, $0.counter) }))
            })
            schemaVersion = header.schemaVersion
            createdAtMs = header.createdAt.milliseconds
            groupCount = header.groupCount
            changeCount = header.changeCount
            publicKey = header.publicKey.map { $0.map { String(format: "%02x", $0) }.joined() }
            carriesEnrollmentToken = header.enrollmentToken == nil ? nil : true
            more = header.hasMore ? true : nil
            heads = header.heads.isEmpty ? nil : Dictionary(uniqueKeysWithValues: header.heads.map {
                ($0.key.name, Head(counter: $0.value.counter, hash: ChangeSetDescription.hex($0.value.hash)))
            })
            requestNumber = header.requestNumber == 0 ? nil : header.requestNumber
            acknowledged = header.acknowledged.isEmpty ? nil
                : Dictionary(uniqueKeysWithValues: header.acknowledged.map { ($0.key.name, $0.value) })
            encryptionKey = header.encryptionKey.map(ChangeSetDescription.hex)
            retimed = header.retimed.isEmpty ? nil : header.retimed.map {
                Retimed(scope: $0.scope.name, counter: $0.counter, timeMs: $0.time.milliseconds)
            }
        }
    }

    /// A value with its type spelled out: exactly one member is present.
    public struct Value: Codable, Hashable, Sendable {
        public var null: Bool?
        public var integer: Int64?
        public var real: Double?
        public var text: String?

        /// The JSON form of a field value.
        public init(_ value: FieldValue) {
            switch value {
            case .null: null = true
            case .integer(let integer): self.integer = integer
            case .real(let real): self.real = real
            case .text(let text): self.text = text
            }
        }
    }

    /// One field change.
    public struct Change: Codable, Hashable, Sendable {
        public var dot: String
        public var scope: String
        public var kind: String
        public var record: String
        public var field: String
        public var value: Value
        public var context: [String]
        public var timeMs: Int64
        public var author: String
    }

    /// One group: its dots, its place in its origin's hash chain, and whether it was set aside.
    public struct Group: Codable, Hashable, Sendable {
        /// `origin:first`.
        public var firstDot: String
        public var scope: String
        public var count: Int
        /// The previous group's chain hash, hex (given or computed from the file).
        public var previousHash: String?
        /// This group's chain hash, hex.
        public var chainHash: String
        /// When set aside: the code and reason.
        public var setAside: String?
        public var setAsideReason: String?
        /// When the hub clamped the group's time: the time its values are ordered by.
        public var clampedTimeMs: Int64?
    }

    /// `major.minor`.
    public var format: String
    public var header: Header
    public var fileBytes: Int
    public var compressedBodyBytes: Int
    public var bodyBytes: Int
    /// Whether an Ed25519 signature follows the body (checked against a key, not here).
    public var signed: Bool
    /// Whether the body was sealed to its recipient (and opened here with its key).
    public var sealed: Bool?
    public var changes: [Change]
    public var groups: [Group]

    /// The description of a decoded change set.
    public init(_ set: ChangeSet) {
        format = "\(set.majorVersion).\(set.minorVersion)"
        header = Header(set.header)
        fileBytes = set.fileBytes
        compressedBodyBytes = set.compressedBodyBytes
        bodyBytes = set.bodyBytes
        signed = set.signature != nil
        sealed = set.sealed ? true : nil
        changes = set.groups.flatMap { group in
            group.fields.enumerated().map { index, field in
                Change(dot: group.dot(at: index).description, scope: group.scope.name, kind: group.kind.rawValue,
                       record: group.record.description, field: field.field, value: Value(field.value),
                       context: field.context.map(\.description), timeMs: group.time.milliseconds, author: group.author)
            }
        }
        groups = set.groups.map { group in
            Group(firstDot: group.dot(at: 0).description, scope: group.scope.name, count: group.fields.count,
                  previousHash: group.previousHash.map(ChangeSetDescription.hex), chainHash: ChangeSetDescription.hex(group.chainHash),
                  setAside: group.setAside?.code, setAsideReason: group.setAside.map(\.reason),
                  clampedTimeMs: group.clampedTime?.milliseconds)
        }
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    /// Pretty JSON with sorted keys and snake_case names: stable, diffable output.
    public func json() throws -> Data {
        try ChangeSetDescription.encoder.encode(self)
    }

    /// The encoder used for every description: sorted keys, snake_case, pretty.
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    /// The decoder matching ``encoder``.
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
