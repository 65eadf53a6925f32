import Crypto
import FaguModel

/// Builds the canonical SHA-256 digest of a replica's state, fed field by field in
/// canonical order.
///
/// Two replicas holding the same changes for a set of scopes produce the same digest,
/// whatever order they received them in. The digest covers every current entry of every
/// field — so an open conflict counts — with dot, time and value.
///
/// Canonical order, which the caller must follow (``feed(scope:kind:record:field:register:)``
/// checks it): scopes by name; within a scope, kinds by raw value; within a kind, records by
/// ``RecordID`` order; within a record, fields by name.
///
/// Encoding of each field, appended to the hash: scope, kind, record bytes and field name
/// each as a length-prefixed string; the entry count; then per entry in dot order: the
/// origin's 16 UUID bytes (length-prefixed), counter, time in milliseconds and the value (tag byte, then payload).
/// Integers are 8 bytes big-endian; lengths are 4 bytes big-endian.
public struct StateDigest {
    private var hasher = SHA256()
    private var last: (ScopeID, String, RecordID, String)?
    /// How many fields were fed.
    public private(set) var fieldCount = 0

    /// An empty digest.
    public init() {}

    /// Appends one field's register. Empty registers are skipped.
    ///
    /// - Precondition: Calls come in canonical order, each key strictly after the last.
    public mutating func feed(scope: ScopeID, kind: RecordKind, record: RecordID, field: String, register: FieldRegister) {
        guard !register.isEmpty else { return }
        let key = (scope, kind.rawValue, record, field)
        if let last {
            precondition(StateDigest.precedes(last, key), "StateDigest fed out of canonical order")
        }
        last = key
        fieldCount += 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity(128)
        StateDigest.appendString(scope.name, to: &bytes)
        StateDigest.appendString(kind.rawValue, to: &bytes)
        StateDigest.appendBytes(record.canonicalBytes, to: &bytes)
        StateDigest.appendString(field, to: &bytes)
        StateDigest.appendInteger(UInt64(register.entries.count), to: &bytes)
        for entry in register.entries {
            StateDigest.appendBytes(entry.dot.origin.bytes, to: &bytes)
            StateDigest.appendInteger(entry.dot.counter, to: &bytes)
            StateDigest.appendInteger(UInt64(bitPattern: entry.time.milliseconds), to: &bytes)
            StateDigest.appendValue(entry.value, to: &bytes)
        }
        hasher.update(data: bytes)
    }

    /// The digest as 64 lowercase hex characters.
    public func finalize() -> String {
        hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    private static func precedes(_ a: (ScopeID, String, RecordID, String), _ b: (ScopeID, String, RecordID, String)) -> Bool {
        if a.0 != b.0 { return a.0 < b.0 }
        if a.1 != b.1 { return a.1 < b.1 }
        if a.2 != b.2 { return a.2 < b.2 }
        return a.3 < b.3
    }

    private static func appendInteger(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    private static func appendBytes(_ value: [UInt8], to bytes: inout [UInt8]) {
        let count = UInt32(value.count)
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: count >> UInt32(shift))) }
        bytes.append(contentsOf: value)
    }

    private static func appendString(_ value: String, to bytes: inout [UInt8]) {
        appendBytes(Array(value.utf8), to: &bytes)
    }

    private static func appendValue(_ value: FieldValue, to bytes: inout [UInt8]) {
        switch value {
        case .null:
            bytes.append(0)
        case .integer(let integer):
            bytes.append(1)
            appendInteger(UInt64(bitPattern: integer), to: &bytes)
        case .real(let real):
            bytes.append(2)
            appendInteger(real.bitPattern, to: &bytes)
        case .text(let text):
            bytes.append(3)
            appendString(text, to: &bytes)
        }
    }
}
