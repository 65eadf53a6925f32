import Foundation

/// The identity of a record.
///
/// Logged work gets time-ordered UUIDs (version 7), so new rows land at the end of the
/// B-tree. Roster records keep the bureau's own codes (`c01`, `a017`).
public enum RecordID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// A UUID, normally version 7.
    case uuid(UUID)
    /// A bureau code: 1–64 characters of `a-z A-Z 0-9 _ - . @`.
    case code(String)

    /// Parses a UUID string first, then a bureau code; nil when neither fits.
    public init?(_ string: String) {
        if let uuid = UUID(uuidString: string) {
            self = .uuid(uuid)
        } else if RecordID.isValidCode(string) {
            self = .code(string)
        } else {
            return nil
        }
    }

    /// Whether `string` can be a bureau code.
    public static func isValidCode(_ string: String) -> Bool {
        guard (1...64).contains(string.utf8.count) else { return false }
        return string.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"),
                 UInt8(ascii: "."), UInt8(ascii: "@"):
                return true
            default:
                return false
            }
        }
    }

    /// A new version-7 UUID for `time`, with random bits from `generator`.
    public static func version7<G: RandomNumberGenerator>(at time: Timestamp, using generator: inout G) -> RecordID {
        let ms = UInt64(bitPattern: time.milliseconds)
        let randA = generator.next() as UInt64
        let randB = generator.next() as UInt64
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: ms >> (40 - 8 * UInt64(i))) }
        for i in 6..<8 { bytes[i] = UInt8(truncatingIfNeeded: randA >> (8 * UInt64(i))) }
        for i in 8..<16 { bytes[i] = UInt8(truncatingIfNeeded: randB >> (8 * UInt64(i - 8))) }
        bytes[6] = (bytes[6] & 0x0F) | 0x70  // version 7
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        return .uuid(UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                                 bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15])))
    }

    /// The canonical bytes: the 16 UUID bytes, or the code's UTF-8.
    public var canonicalBytes: [UInt8] {
        switch self {
        case .uuid(let uuid):
            return withUnsafeBytes(of: uuid.uuid) { Array($0) }
        case .code(let code):
            return Array(code.utf8)
        }
    }

    /// Lowercase UUID string, or the code.
    public var description: String {
        switch self {
        case .uuid(let uuid): uuid.canonicalString
        case .code(let code): code
        }
    }

    /// Canonical order: codes before UUIDs, then by canonical bytes — the order SQLite keeps
    /// stored ids in (text before blobs, each by its bytes).
    public static func < (lhs: RecordID, rhs: RecordID) -> Bool {
        switch (lhs, rhs) {
        case (.code, .uuid): return true
        case (.uuid, .code): return false
        case (.code(let left), .code(let right)):
            return left.utf8.lexicographicallyPrecedes(right.utf8)
        case (.uuid(let left), .uuid(let right)):
            // As two big-endian words, without building arrays: batches sort their records by it.
            return left.orderedWords < right.orderedWords
        }
    }
}

extension UUID {
    /// The 16 bytes as two big-endian words: compared as a tuple, they order as the bytes do
    /// (the store sorts a batch's records on them).
    package var orderedWords: (UInt64, UInt64) {
        withUnsafeBytes(of: uuid) { bytes in
            (UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
             UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }
    }
}
