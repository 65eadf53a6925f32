import FaguModel

/// Appends compact binary encodings (LEB128 varints, zigzag, length-prefixed UTF-8).
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 64) { bytes.reserveCapacity(capacity) }

    mutating func writeVarint(_ value: UInt64) { bytes.appendVarint(value) }

    mutating func writeVarint(_ value: Int) { writeVarint(UInt64(value)) }

    mutating func writeSigned(_ value: Int64) { bytes.appendZigzag(value) }

    mutating func writeByte(_ byte: UInt8) { bytes.append(byte) }

    /// Forgets what was written, keeping the storage for the next use.
    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    mutating func writeFixed64(_ value: UInt64) { bytes.appendLittleEndian(value) }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func append(contentsOf raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }

    mutating func writeString(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            writeVarint(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }
}
