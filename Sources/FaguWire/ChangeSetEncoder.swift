import Crypto
import FaguModel
import Foundation
import SwiftProtobuf

/// Writes change-set files: the same bytes for HTTP and for a USB stick.
public enum ChangeSetEncoder {
    /// The file for `groups` under `header` (whose counts are filled in here).
    ///
    /// - Parameters:
    ///   - level: zlib level, 0–9.
    ///   - version: The format to write: the current one, or 2.0 for a device that reads only
    ///     that (a hub answers each device in the version of its request).
    public static func encode(header: ChangeSetHeader, groups: [ChangeGroup], level: Int32 = 6,
                              version: ChangeSetVersion = .current) throws -> [UInt8] {
        let bodyBytes: [UInt8]
        switch version {
        case .v2: bodyBytes = try RowBodyEncoder.encode(groups, createdAt: header.createdAt)
        case .v3: bodyBytes = try ColumnarBodyEncoder.encode(groups, createdAt: header.createdAt)
        case .v4: bodyBytes = try ChunkedBodyEncoder.encode(groups, createdAt: header.createdAt)
        }
        let compressed = try Zlib.compress(bodyBytes, level: level)

        var headerMessage = Fagu_V1_Header()
        headerMessage.sender = Data(header.sender.bytes)
        headerMessage.district = header.district
        headerMessage.scopes = header.scopes.map(\.name)
        headerMessage.vectors = header.vectors.scopes.map { scope in
            var vector = Fagu_V1_ScopeVector()
            vector.scope = scope.name
            let entries = header.vectors[scope].sortedEntries
            vector.origins = entries.map { Data($0.origin.bytes) }
            vector.counters = entries.map(\.counter)
            return vector
        }
        headerMessage.schemaVersion = UInt32(header.schemaVersion)
        headerMessage.createdAtMs = header.createdAt.milliseconds
        headerMessage.groupCount = UInt32(groups.count)
        headerMessage.changeCount = UInt64(groups.reduce(0) { $0 + $1.fields.count })
        if let key = header.publicKey { headerMessage.publicKey = Data(key) }
        if let token = header.enrollmentToken { headerMessage.enrollmentToken = token }
        headerMessage.more = header.hasMore
        headerMessage.requestNumber = header.requestNumber
        if let key = header.encryptionKey { headerMessage.encryptionKey = Data(key) }
        headerMessage.retimed = header.retimed.map { entry in
            var message = Fagu_V1_Retimed()
            message.scope = entry.scope.name
            message.counter = entry.counter
            message.timeMs = entry.time.milliseconds
            return message
        }
        headerMessage.heads = header.heads.keys.sorted().map { scope in
            var head = Fagu_V1_ChainHead()
            head.scope = scope.name
            head.counter = header.heads[scope]!.counter
            head.hash = Data(header.heads[scope]!.hash)
            return head
        }
        headerMessage.acknowledged = header.acknowledged.keys.sorted().map { scope in
            var vector = Fagu_V1_ScopeVector()
            vector.scope = scope.name
            vector.counters = [header.acknowledged[scope]!]
            return vector
        }
        let headerBytes: [UInt8] = try headerMessage.serializedBytes()

        var file: [UInt8] = []
        file.reserveCapacity(ChangeSetFormat.prefixBytes + headerBytes.count + ChangeSetFormat.bodyPrefixBytes + compressed.count)
        file += ChangeSetFormat.magic
        file.append(version.major)
        file.append(version.minor)
        appendBigEndian(UInt32(ChangeSetFormat.zlibFlag), bytes: 2, to: &file)
        appendBigEndian(UInt32(headerBytes.count), bytes: 4, to: &file)
        file += headerBytes
        appendBigEndian(UInt32(compressed.count), bytes: 4, to: &file)
        appendBigEndian(UInt32(bodyBytes.count), bytes: 4, to: &file)
        var hash = SHA256()
        hash.update(data: headerBytes)
        hash.update(data: bodyBytes)
        file += hash.finalize()
        file += compressed
        return file
    }

    private static func appendBigEndian(_ value: UInt32, bytes: Int, to file: inout [UInt8]) {
        for index in (0..<bytes).reversed() { file.append(UInt8(truncatingIfNeeded: value >> UInt32(8 * index))) }
    }
}
