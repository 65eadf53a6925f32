import Foundation

extension String {
    /// `bytes` as a string when they are valid UTF-8, else nil.
    ///
    /// The same answer as `String(validating:as:)`, without its generic path, which looks up
    /// type metadata on every call: a change set holds a text per change.
    init?(exactUTF8 bytes: ArraySlice<UInt8>) {
        let decoded = bytes.withUnsafeBufferPointer { buffer -> String? in
            // Decoding replaces each sequence that is not UTF-8 with U+FFFD, which changes the
            // bytes there: a result with the very bytes given had nothing to replace.
            var string = String(decoding: buffer, as: UTF8.self)
            let same = string.withUTF8 { decodedBytes in
                decodedBytes.count == buffer.count
                    && (buffer.isEmpty || memcmp(decodedBytes.baseAddress!, buffer.baseAddress!, buffer.count) == 0)
            }
            return same ? string : nil
        }
        guard let decoded else { return nil }
        self = decoded
    }
}
