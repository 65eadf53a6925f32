import Crypto
import FaguModel
import Foundation
import SwiftProtobuf

/// Reads change-set files with hard limits: every size is checked before anything of that
/// size is allocated, the body is inflated no further than its declared size, and the
/// checksum is verified before a single change is decoded — except where a 4.x file is
/// streamed (``stream(_:key:)``), whose chunks are read as they are inflated and whose
/// checksum is verified once the last is read, before the stream ends.
public struct ChangeSetDecoder: Sendable {
    /// The limits enforced.
    public var limits: ChangeSetLimits
    /// The kinds of record the reader knows: a group of another kind is refused.
    public var schema: Schema

    /// A decoder of files of `schema`'s kinds, with `limits`.
    public init(limits: ChangeSetLimits = .standard, schema: Schema) {
        self.limits = limits
        self.schema = schema
    }

    /// The header alone, checked as far as the header goes (magic, version, sizes).
    public func decodeHeader(_ file: [UInt8]) throws(WireError) -> ChangeSetHeader {
        try readFrame(file).header
    }

    /// The whole file.
    ///
    /// - Parameter key: The recipient's X25519 key, to open a sealed body; a sealed file
    ///   without it is refused `key_required`.
    public func decode(_ file: [UInt8], key: Curve25519.KeyAgreement.PrivateKey? = nil) throws(WireError) -> ChangeSet {
        var checksumVerified = false
        return try decode(file, key: key, checksumVerified: &checksumVerified)
    }

    /// Whether `file` is marked sealed to its recipient (read from the frame alone).
    public static func isSealed(_ file: [UInt8]) -> Bool {
        file.count >= ChangeSetFormat.prefixBytes && Array(file[0..<4]) == ChangeSetFormat.magic
            && UInt16(Int(bigEndian: file, at: 6, bytes: 2)) & ChangeSetFormat.sealedFlag != 0
    }

    /// The whole file, saying whether the checksum was verified before any failure.
    func decode(_ file: [UInt8], key: Curve25519.KeyAgreement.PrivateKey?,
                checksumVerified: inout Bool) throws(WireError) -> ChangeSet {
        let opened = try open(file)
        let body = try body(of: opened, in: file, key: key)
        checksumVerified = true
        let groups = try groups(of: body, in: opened, deliver: nil)
        return opened.changeSet(of: file, groups: groups)
    }

    /// The file read on another thread while its groups are used: the header and sizes
    /// now, the groups as they are read (``ChangeSetStream/nextGroups()``). Every check of
    /// ``decode(_:key:)`` is made; those past the frame fail from `nextGroups()`.
    ///
    /// - Parameter key: The recipient's X25519 key, to open a sealed body.
    /// - Throws: What ``decodeHeader(_:)`` throws, and what the body's lengths show wrong.
    public func stream(_ file: [UInt8], key: Curve25519.KeyAgreement.PrivateKey? = nil) throws(WireError) -> ChangeSetStream {
        let opened = try open(file)
        // The key crosses to the reading thread as its bytes (the key type is not Sendable).
        let keyBytes = key?.rawRepresentation
        return ChangeSetStream(opened.changeSet(of: file, groups: []),
                               threaded: opened.frame.header.groupCount >= ChainHasher.threadedFrom) { (deliver) throws(WireError) in
            let key = try keyBytes.map { (bytes) throws(WireError) in
                do { return try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: bytes) } catch {
                    throw WireError(.keyRequired, "the key to open the body is not an X25519 key")
                }
            }
            guard opened.frame.major == ChangeSetVersion.v4.major else {
                let body = try body(of: opened, in: file, key: key)
                return try groups(of: body, in: opened, deliver: deliver)
            }
            // 4.x: each chunk is read as it is inflated, and the whole body's checks (a
            // sound stream, its size, its checksum) come once it is drained.
            let (compressed, checksum) = try compressedBody(of: opened, in: file, key: key)
            let reader = try InflatingReader(compressed, limit: opened.bodyCount,
                                             hashing: file[ChangeSetFormat.prefixBytes..<opened.frame.bodyStart])
            do throws(WireError) {
                let rest = try ChunkedBodyDecoder(limits: limits, schema: schema)
                    .decode(reader, bodyCount: opened.bodyCount, header: opened.frame.header, deliver: deliver)
                try reader.finish(checksum: checksum)
                return rest
            } catch {
                // A fault of the body as a whole is reported before one in its chunks, as
                // when the whole body is checked before it is read.
                try reader.finish(checksum: checksum)
                throw error
            }
        }
    }

    /// A file whose frame and body lengths are checked, its body not yet opened.
    struct OpenedFile {
        var frame: Frame
        var compressed: Range<Int>
        var bodyCount: Int
        /// The checksum, or for a sealed body the encapsulated key.
        var checksumOrKey: [UInt8]
        var trailer: Int

        /// The change set of `file` with `groups`.
        func changeSet(of file: [UInt8], groups: [ChangeGroup]) -> ChangeSet {
            ChangeSet(header: frame.header, groups: groups, majorVersion: frame.major, minorVersion: frame.minor,
                      fileBytes: file.count, compressedBodyBytes: compressed.count, bodyBytes: bodyCount,
                      signature: frame.signed ? Array(file[(file.count - trailer)...]) : nil, sealed: frame.sealed)
        }
    }

    /// The frame of `file`, with its body's lengths checked against the file.
    private func open(_ file: [UInt8]) throws(WireError) -> OpenedFile {
        let frame = try readFrame(file)
        let bodyStart = frame.bodyStart
        guard file.count - bodyStart >= ChangeSetFormat.bodyPrefixBytes else {
            throw WireError(.truncated, "the file ends inside the body's lengths and checksum")
        }
        let compressedCount = Int(bigEndian: file, at: bodyStart, bytes: 4)
        let bodyCount = Int(bigEndian: file, at: bodyStart + 4, bytes: 4)
        let checksum = Array(file[bodyStart + 8..<bodyStart + 40])
        let dataStart = bodyStart + ChangeSetFormat.bodyPrefixBytes
        guard bodyCount <= limits.maxBodyBytes else {
            throw WireError(.tooLarge, "the body declares \(bodyCount) bytes, over the limit of \(limits.maxBodyBytes)")
        }
        guard file.count - dataStart >= compressedCount else {
            throw WireError(.truncated, "the compressed body should be \(compressedCount) bytes but \(file.count - dataStart) remain")
        }
        let trailer = frame.signed ? ChangeSetFormat.signatureBytes : 0
        guard file.count - dataStart >= compressedCount + trailer else {
            throw WireError(.truncated, "the file is marked signed but ends before its signature")
        }
        guard file.count - dataStart == compressedCount + trailer else {
            throw WireError(.malformed, "\(file.count - dataStart - compressedCount - trailer) bytes follow the "
                            + (frame.signed ? "signature" : "body"))
        }
        return OpenedFile(frame: frame, compressed: dataStart..<dataStart + compressedCount, bodyCount: bodyCount,
                          checksumOrKey: checksum, trailer: trailer)
    }

    /// The body of an opened file: unsealed, inflated, its checksum verified.
    private func body(of opened: OpenedFile, in file: [UInt8], key: Curve25519.KeyAgreement.PrivateKey?) throws(WireError) -> [UInt8] {
        let frame = opened.frame
        let (compressed, checksum) = try compressedBody(of: opened, in: file, key: key)
        let body: [UInt8]
        do {
            body = try Zlib.decompress(compressed, limit: opened.bodyCount)
        } catch where error.code == .tooLarge {
            throw WireError(.tooLarge, "the body inflates past its declared \(opened.bodyCount) bytes")
        }
        guard body.count == opened.bodyCount else {
            throw WireError(.malformed, "the body inflates to \(body.count) bytes, not the declared \(opened.bodyCount)")
        }
        var hash = SHA256()
        hash.update(data: file[ChangeSetFormat.prefixBytes..<frame.bodyStart])
        hash.update(data: body)
        guard Array(hash.finalize()) == checksum else {
            throw WireError(.badChecksum, "the SHA-256 of header and body does not match the file's checksum")
        }
        return body
    }

    /// The compressed body of an opened file, unsealed, and the checksum of its body.
    private func compressedBody(of opened: OpenedFile, in file: [UInt8],
                                key: Curve25519.KeyAgreement.PrivateKey?) throws(WireError) -> (compressed: [UInt8], checksum: [UInt8]) {
        let frame = opened.frame
        var checksum = opened.checksumOrKey
        var compressed = Array(file[opened.compressed])
        if frame.sealed {
            // The 32 bytes after the lengths are the encapsulated key; the checksum travels
            // inside the ciphertext, in front of the compressed body.
            let opened = try ChangeSetSealing.open(compressed, encapsulatedKey: checksum,
                                                   header: Array(file[ChangeSetFormat.prefixBytes..<frame.bodyStart]), key: key)
            guard opened.count >= 32 else { throw WireError(.malformed, "the sealed body is shorter than its checksum") }
            checksum = Array(opened[0..<32])
            compressed = Array(opened[32...])
        }
        return (compressed, checksum)
    }

    /// The groups of a verified body, returned or, with `deliver`, given a batch at a time.
    private func groups(of body: [UInt8], in opened: OpenedFile,
                        deliver: (@Sendable ([ChangeGroup]) -> Void)?) throws(WireError) -> [ChangeGroup] {
        switch ChangeSetVersion(major: opened.frame.major)! {
        case .v2: try RowBodyDecoder(limits: limits, schema: schema).decode(body, header: opened.frame.header, deliver: deliver)
        case .v3: try ColumnarBodyDecoder(limits: limits, schema: schema).decode(body, header: opened.frame.header, deliver: deliver)
        case .v4: try ChunkedBodyDecoder(limits: limits, schema: schema)
            .decode(BodyBuffer(body), bodyCount: body.count, header: opened.frame.header, deliver: deliver)
        }
    }

    struct Frame {
        var header: ChangeSetHeader
        var major: UInt8
        var minor: UInt8
        var bodyStart: Int
        var signed: Bool
        var sealed: Bool
    }

    private func readFrame(_ file: [UInt8]) throws(WireError) -> Frame {
        guard file.count <= limits.maxFileBytes else {
            throw WireError(.tooLarge, "the file is \(file.count) bytes, over the limit of \(limits.maxFileBytes)")
        }
        guard file.count >= 4 else { throw WireError(.truncated, "the file is only \(file.count) bytes") }
        guard Array(file[0..<4]) == ChangeSetFormat.magic else {
            throw WireError(.badMagic, "this is not a Fagu change-set file (it does not start with FAGU)")
        }
        guard file.count >= ChangeSetFormat.prefixBytes else {
            throw WireError(.truncated, "the file ends inside its frame (\(file.count) bytes)")
        }
        let major = file[4]
        let minor = file[5]
        guard limits.readableVersion(major: major) != nil else {
            let read = limits.versions.map(\.major).sorted().map { "\($0).x" }.joined(separator: " and ")
            throw WireError(.unsupportedVersion, "format version \(major).\(minor) is not understood by this reader "
                            + "(it reads \(read)); upgrade Fagu")
        }
        let flags = UInt16(Int(bigEndian: file, at: 6, bytes: 2))
        guard flags & ChangeSetFormat.zlibFlag != 0 else {
            throw WireError(.malformed, "the body is not marked as zlib-compressed")
        }
        let headerCount = Int(bigEndian: file, at: 8, bytes: 4)
        guard headerCount <= limits.maxHeaderBytes else {
            throw WireError(.tooLarge, "the header declares \(headerCount) bytes, over the limit of \(limits.maxHeaderBytes)")
        }
        let headerEnd = ChangeSetFormat.prefixBytes + headerCount
        guard file.count >= headerEnd else {
            throw WireError(.truncated, "the file ends inside its header")
        }
        let message: Fagu_V1_Header
        do {
            message = try Fagu_V1_Header(serializedBytes: Array(file[ChangeSetFormat.prefixBytes..<headerEnd]))
        } catch {
            throw WireError(.malformed, "the header is not a valid message")
        }
        return Frame(header: try header(from: message), major: major, minor: minor, bodyStart: headerEnd,
                     signed: flags & ChangeSetFormat.signedFlag != 0, sealed: flags & ChangeSetFormat.sealedFlag != 0)
    }

    private func header(from message: Fagu_V1_Header) throws(WireError) -> ChangeSetHeader {
        guard let sender = ReplicaID(bytes: message.sender) else {
            throw WireError(.malformed, "the header's sender is not a 16-byte replica id")
        }
        guard message.changeCount <= UInt64(limits.maxChanges) else {
            throw WireError(.tooManyChanges, "the file declares \(message.changeCount) changes, over the limit of \(limits.maxChanges)")
        }
        var vectors = ScopeVectors()
        for vector in message.vectors {
            guard vector.origins.count == vector.counters.count else {
                throw WireError(.malformed, "the vector of \(vector.scope) has \(vector.origins.count) origins but \(vector.counters.count) counters")
            }
            var entries = VersionVector()
            for (origin, counter) in zip(vector.origins, vector.counters) {
                guard let id = ReplicaID(bytes: origin) else { throw WireError(.malformed, "a vector names an invalid replica id") }
                entries[id] = counter
            }
            vectors[ScopeID(vector.scope)] = entries
        }
        var heads: [ScopeID: ChangeSetHeader.ChainHead] = [:]
        for head in message.heads {
            guard head.hash.count == 32 else { throw WireError(.malformed, "a chain head's hash is not 32 bytes") }
            heads[ScopeID(head.scope)] = ChangeSetHeader.ChainHead(counter: head.counter, hash: [UInt8](head.hash))
        }
        guard message.encryptionKey.isEmpty || message.encryptionKey.count == 32 else {
            throw WireError(.malformed, "the header's encryption key is not 32 bytes")
        }
        var acknowledged: [ScopeID: UInt64] = [:]
        for vector in message.acknowledged {
            guard vector.counters.count == 1 else { throw WireError(.malformed, "an acknowledgement holds one counter per scope") }
            acknowledged[ScopeID(vector.scope)] = vector.counters[0]
        }
        return ChangeSetHeader(sender: sender, district: message.district, scopes: message.scopes.map(ScopeID.init),
                               vectors: vectors, schemaVersion: Int(message.schemaVersion),
                               createdAt: Timestamp(milliseconds: message.createdAtMs),
                               groupCount: Int(message.groupCount), changeCount: Int(message.changeCount),
                               publicKey: message.publicKey.isEmpty ? nil : [UInt8](message.publicKey),
                               enrollmentToken: message.enrollmentToken.isEmpty ? nil : message.enrollmentToken,
                               hasMore: message.more, heads: heads, acknowledged: acknowledged,
                               requestNumber: message.requestNumber,
                               encryptionKey: message.encryptionKey.isEmpty ? nil : [UInt8](message.encryptionKey),
                               retimed: message.retimed.map {
                                   RetimedGroup(scope: ScopeID($0.scope), counter: $0.counter,
                                                           time: Timestamp(milliseconds: $0.timeMs))
                               })
    }
}

extension Int {
    /// The big-endian unsigned integer of `bytes` bytes at `offset`.
    init(bigEndian file: [UInt8], at offset: Int, bytes: Int) {
        var value = 0
        for index in 0..<bytes { value = value << 8 | Int(file[offset + index]) }
        self = value
    }
}

extension ReplicaID {
    /// The replica id of 16 raw bytes, or nil for any other length.
    init?(bytes data: Data) {
        guard data.count == 16 else { return nil }
        let b = [UInt8](data)
        self.init(UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                              b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15])))
    }
}
