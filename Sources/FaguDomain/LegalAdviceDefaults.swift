import Crypto
import FaguModel
import FaguStore
import FaguWire

// The core takes a schema everywhere; the legal-advice programs open everything with theirs.

extension Replica {
    /// Creates a replica keeping the legal-advice schema (see ``Replica/create(at:id:author:schema:configuration:)``).
    public static func create(at path: String, id: ReplicaID, author: String,
                              configuration: ReplicaConfiguration = ReplicaConfiguration()) throws -> Replica {
        try create(at: path, id: id, author: author, schema: .legalAdvice, configuration: configuration)
    }

    /// Opens a replica of the legal-advice schema (see ``Replica/open(at:schema:configuration:)``).
    public static func open(at path: String, configuration: ReplicaConfiguration = ReplicaConfiguration()) throws -> Replica {
        try open(at: path, schema: .legalAdvice, configuration: configuration)
    }
}

extension ChangeSetDecoder {
    /// A decoder of legal-advice change sets with `limits`.
    public init(limits: ChangeSetLimits = .standard) {
        self.init(limits: limits, schema: .legalAdvice)
    }
}

extension ChangeSetInspection {
    /// Inspects a legal-advice change set, opening a sealed body with `key` when given.
    public init(file: [UInt8], key: Curve25519.KeyAgreement.PrivateKey? = nil) {
        self.init(file: file, decoder: ChangeSetDecoder(), key: key)
    }
}
