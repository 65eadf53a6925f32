import Crypto
import Foundation

/// The chain hash of a ``ChangeGroup``: SHA-256 over a canonical encoding of everything the
/// group says — origin, scope, kind, record, first counter, time, author, every field's name,
/// value and context — and the hash of the origin's previous group in the scope.
///
/// Because each group names its predecessor's hash, an origin's groups in a scope form a
/// chain: two replicas that agree on the hash at counter *n* agree on everything that origin
/// wrote up to *n*. A copied replica that writes other content under the same dots breaks
/// the chain, which is how a hub tells it apart.
///
/// The encoding is specified in `protocol/SPEC.md` ("Chain hash") so other clients compute
/// the same bytes. Values are hashed normalized to their field's type (an integer written to
/// a real field hashes as that real), since that is what every replica stores and re-sends.
public enum GroupHash {
    /// The `previousHash` of an origin's first group in a scope: 32 zero bytes.
    public static let genesis = [UInt8](repeating: 0, count: 32)

    /// The chain hash of `group` (its `setAside` is ignored: the hash is of what was written).
    public static func of(_ group: ChangeGroup) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(96 + group.fields.count * 24)
        bytes.append(contentsOf: group.origin.bytes)
        append(group.scope.name, to: &bytes)
        append(group.kind.rawValue, to: &bytes)
        switch group.record {
        case .uuid(let uuid):
            let text = uuid.canonicalBytes
            appendInteger(UInt64(text.count), to: &bytes)
            bytes.append(contentsOf: text)
        case .code(let code):
            append(code, to: &bytes)
        }
        appendInteger(group.firstCounter, to: &bytes)
        appendInteger(UInt64(bitPattern: group.time.milliseconds), to: &bytes)
        append(group.author, to: &bytes)
        bytes.append(contentsOf: group.previousHash ?? genesis)
        appendInteger(UInt64(group.fields.count), to: &bytes)
        let kinds = group.kind.fields
        for field in group.fields {
            append(field.field, to: &bytes)
            // Hashed as every replica stores it: an integer in a real field is a real.
            var value = field.value
            if case .integer = value, let spec = kinds.first(where: { $0.name == field.field }) { value = spec.type.normalized(value) }
            switch value {
            case .null: bytes.append(0)
            case .integer(let value): bytes.append(1); appendInteger(UInt64(bitPattern: value), to: &bytes)
            case .real(let value): bytes.append(2); appendInteger(value.bitPattern, to: &bytes)
            case .text(let value): bytes.append(3); append(value, to: &bytes)
            }
            appendInteger(UInt64(field.context.count), to: &bytes)
            for dot in field.context {
                bytes.append(contentsOf: dot.origin.bytes)
                appendInteger(dot.counter, to: &bytes)
            }
        }
        return Array(SHA256.hash(data: bytes))
    }

    private static func appendInteger(_ value: UInt64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        appendInteger(UInt64(text.utf8.count), to: &bytes)
        bytes.append(contentsOf: text.utf8)
    }
}
