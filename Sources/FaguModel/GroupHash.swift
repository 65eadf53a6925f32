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
        // Sized once: texts dominate, and growing the buffer would copy them again.
        var capacity = 16 + 8 * 6 + 32 + 36 + group.scope.name.utf8.count + group.kind.rawValue.utf8.count + group.author.utf8.count
        for field in group.fields {
            capacity += 8 + field.field.utf8.count + 1 + 8 + 8 + field.context.count * 24
            if case .text(let text) = field.value { capacity += 8 + text.utf8.count }
        }
        if case .code(let code) = group.record { capacity += code.utf8.count }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(capacity)
        appendUUID(group.origin.uuid.uuid, to: &bytes)
        append(group.scope.name, to: &bytes)
        append(group.kind.rawValue, to: &bytes)
        switch group.record {
        case .uuid(let uuid):
            appendInteger(36, to: &bytes)
            uuid.appendCanonical(to: &bytes)
        case .code(let code):
            append(code, to: &bytes)
        }
        appendInteger(group.firstCounter, to: &bytes)
        appendInteger(UInt64(bitPattern: group.time.milliseconds), to: &bytes)
        append(group.author, to: &bytes)
        bytes.append(contentsOf: group.previousHash ?? genesis)
        appendInteger(UInt64(group.fields.count), to: &bytes)
        for field in group.fields {
            append(field.field, to: &bytes)
            // Hashed as every replica stores it: an integer in a real field is a real.
            var value = field.value
            if case .integer = value, let spec = group.kind.fields.first(where: { $0.name == field.field }) {
                value = spec.type.normalized(value)
            }
            switch value {
            case .null: bytes.append(0)
            case .integer(let value): bytes.append(1); appendInteger(UInt64(bitPattern: value), to: &bytes)
            case .real(let value): bytes.append(2); appendInteger(value.bitPattern, to: &bytes)
            case .text(let value): bytes.append(3); append(value, to: &bytes)
            }
            appendInteger(UInt64(field.context.count), to: &bytes)
            for dot in field.context {
                appendUUID(dot.origin.uuid.uuid, to: &bytes)
                appendInteger(dot.counter, to: &bytes)
            }
        }
        // The digest copied out as a raw buffer: `Array(digest)` walks it byte by byte.
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hasher.finalize().withUnsafeBytes { [UInt8]($0) }
    }

    private static func appendInteger(_ value: UInt64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    private static func appendUUID(_ uuid: uuid_t, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: uuid) { bytes.append(contentsOf: $0) }
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            appendInteger(UInt64(utf8.count), to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }
}
