import FaguModel

/// One group set aside (quarantined): whose it was, what it touched, and why.
public struct SetAsideEntry: Hashable, Sendable, Codable {
    /// The scope.
    public var scope: String
    /// The writing replica.
    public var origin: String
    /// Its first counter there.
    public var counter: UInt64
    /// How many field changes it held.
    public var count: Int
    /// The record kind.
    public var kind: String
    /// The record.
    public var record: String
    /// Who wrote it.
    public var author: String
    /// When it was written, by the writer's clock.
    public var writtenAt: Timestamp
    /// A stable code (`after_appointment`, `value_too_long`, …).
    public var code: String
    /// One sentence a person can act on.
    public var reason: String
    /// When this replica noted it.
    public var notedAt: Timestamp
    /// The fields and values as written, JSON, where this replica received them (the hub).
    public var content: String?
}

extension Timestamp: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(milliseconds: try decoder.singleValueContainer().decode(Int64.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(milliseconds)
    }
}
