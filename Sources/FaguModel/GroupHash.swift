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
        let previous = group.previousHash ?? genesis
        // Values as every replica stores them: an integer in a real field is a real.
        let values = group.fields.map { field -> FieldValue in
            guard case .integer = field.value, let spec = group.kind.fields.first(where: { $0.name == field.field }) else {
                return field.value
            }
            return spec.type.normalized(field.value)
        }
        // The exact size first, so the bytes are written once into a buffer of that size:
        // appending piece by piece checked capacity on every piece, and texts dominate.
        var size = 16 + lengthPrefixed(group.scope.name) + lengthPrefixed(group.kind.rawValue) + 8 + 8
            + lengthPrefixed(group.author) + previous.count + 8
        switch group.record {
        case .uuid: size += 8 + 36
        case .code(let code): size += lengthPrefixed(code)
        }
        for (field, value) in zip(group.fields, values) {
            size += lengthPrefixed(field.field) + 1 + 8 + field.context.count * 24
            switch value {
            case .null: break
            case .integer, .real: size += 8
            case .text(let text): size += lengthPrefixed(text)
            }
        }
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var writer = Writer(buffer: buffer)
            writer.write(uuid: group.origin.uuid.uuid)
            writer.write(group.scope.name)
            writer.write(group.kind.rawValue)
            switch group.record {
            case .uuid(let uuid):
                writer.write(36)
                uuid.withCanonicalBytes { writer.write($0) }
            case .code(let code):
                writer.write(code)
            }
            writer.write(group.firstCounter)
            writer.write(UInt64(bitPattern: group.time.milliseconds))
            writer.write(group.author)
            previous.withUnsafeBytes { writer.write($0) }
            writer.write(UInt64(group.fields.count))
            for (field, value) in zip(group.fields, values) {
                writer.write(field.field)
                switch value {
                case .null: writer.write(byte: 0)
                case .integer(let value): writer.write(byte: 1); writer.write(UInt64(bitPattern: value))
                case .real(let value): writer.write(byte: 2); writer.write(value.bitPattern)
                case .text(let value): writer.write(byte: 3); writer.write(value)
                }
                writer.write(UInt64(field.context.count))
                for dot in field.context {
                    writer.write(uuid: dot.origin.uuid.uuid)
                    writer.write(dot.counter)
                }
            }
            precondition(writer.position == size, "a chain hash's bytes were sized wrong")
            count = writer.position
        }
        // The digest copied out as a raw buffer: `Array(digest)` walks it byte by byte.
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hasher.finalize().withUnsafeBytes { [UInt8]($0) }
    }

    /// The bytes `text` takes: its UTF-8 length as 8 bytes, then the UTF-8.
    private static func lengthPrefixed(_ text: String) -> Int { 8 + text.utf8.count }

    /// Writes the canonical bytes into a buffer sized for them, refusing (trapping) to write
    /// past its end.
    private struct Writer {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var position = 0

        mutating func write(_ bytes: UnsafeRawBufferPointer) {
            precondition(position + bytes.count <= buffer.count, "a chain hash's bytes overran their buffer")
            guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
            UnsafeMutableRawPointer(buffer.baseAddress! + position).copyMemory(from: source, byteCount: bytes.count)
            position += bytes.count
        }

        mutating func write(byte: UInt8) {
            withUnsafeBytes(of: byte) { write($0) }
        }

        /// `value` as 8 big-endian bytes.
        mutating func write(_ value: UInt64) {
            withUnsafeBytes(of: value.bigEndian) { write($0) }
        }

        mutating func write(uuid: uuid_t) {
            withUnsafeBytes(of: uuid) { write($0) }
        }

        /// `text` as its UTF-8 length (8 bytes) and its UTF-8, read in place when it can be.
        mutating func write(_ text: String) {
            write(UInt64(text.utf8.count))
            if text.utf8.withContiguousStorageIfAvailable({ write(UnsafeRawBufferPointer($0)) }) == nil {
                Array(text.utf8).withUnsafeBytes { write($0) }
            }
        }
    }
}
