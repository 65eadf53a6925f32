import Crypto
import FaguModel
import Foundation
import SwiftProtobuf

/// Writes change-set files: the same bytes for HTTP and for a USB stick.
public enum ChangeSetEncoder {
    /// The file for `groups` under `header` (whose counts are filled in here).
    ///
    /// - Parameter level: zlib level, 0–9.
    public static func encode(header: ChangeSetHeader, groups: [ChangeGroup], level: Int32 = 6) throws -> [UInt8] {
        var tables = Tables()
        var body = Fagu_V1_Body()
        // Records are numbered after all groups are seen: UUIDs first, then codes.
        var uuids: [RecordID: UInt32] = [:]
        var codes: [RecordID: UInt32] = [:]
        for group in groups {
            switch group.record {
            case .uuid(let uuid) where uuids[group.record] == nil:
                uuids[group.record] = UInt32(body.recordUuids.count)
                body.recordUuids.append(withUnsafeBytes(of: uuid.uuid) { Data($0) })
            case .code(let code) where codes[group.record] == nil:
                codes[group.record] = UInt32(body.recordCodes.count)
                body.recordCodes.append(code)
            default:
                break
            }
        }
        var previousTime = header.createdAt.milliseconds
        var lastCounters: [Tables.Stream: UInt64] = [:]
        var lastHashes: [Tables.Stream: [UInt8]] = [:]
        body.groups = groups.map { group in
            var message = Fagu_V1_Group()
            message.origin = tables.replica(group.origin)
            message.scope = tables.scope(group.scope)
            message.kind = UInt32(group.kind.storageCode)
            message.record = uuids[group.record] ?? UInt32(body.recordUuids.count) + codes[group.record]!
            let stream = Tables.Stream(origin: message.origin, scope: message.scope)
            let follows = lastCounters[stream].map { $0 + 1 } == group.firstCounter
            message.firstCounter = follows ? 0 : group.firstCounter
            // The previous hash is left out where the reader can compute it.
            let previous = group.previousHash ?? (group.firstCounter == 1 ? GroupHash.genesis : nil)
            if let previous, !(follows && lastHashes[stream] == previous) && !(group.firstCounter == 1 && previous == GroupHash.genesis) {
                message.previousHash = Data(previous)
            }
            lastCounters[stream] = group.lastCounter
            lastHashes[stream] = group.chainHash
            if let setAside = group.setAside {
                message.setAside = setAside.code
                message.setAsideReason = setAside.reason
                message.setAsideHash = Data(setAside.hash)
            }
            if let clamped = group.clampedTime { message.clampedTimeMs = clamped.milliseconds }
            message.timeDeltaMs = group.time.milliseconds &- previousTime
            previousTime = group.time.milliseconds
            message.author = tables.author(group.author)
            message.changes = group.fields.map { field in
                var change = Fagu_V1_Change()
                if group.setAside != nil {
                    change.null = true
                    return change
                }
                change.field = tables.field(field.field)
                switch field.value {
                case .null: change.null = true
                case .integer(let value): change.integer = value
                case .real(let value): change.real = value
                case .text(let value): change.text = value
                }
                change.contextOrigins = field.context.map { tables.replica($0.origin) }
                change.contextCounters = field.context.map(\.counter)
                return change
            }
            return message
        }
        body.replicas = tables.replicas.map { Data($0.bytes) }
        body.scopes = tables.scopes
        body.fields = tables.fields
        body.authors = tables.authors
        let bodyBytes: [UInt8] = try body.serializedBytes()
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
        file.append(ChangeSetFormat.majorVersion)
        file.append(ChangeSetFormat.minorVersion)
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

    /// The once-per-file tables of replica ids, scopes, field names and authors.
    private struct Tables {
        /// One origin's changes of one scope: where implicit first counters continue.
        struct Stream: Hashable {
            var origin: UInt32
            var scope: UInt32
        }

        var replicas: [ReplicaID] = []
        var scopes: [String] = []
        var fields: [String] = []
        var authors: [String] = []
        private var replicaIndex: [ReplicaID: UInt32] = [:]
        private var scopeIndex: [String: UInt32] = [:]
        private var fieldIndex: [String: UInt32] = [:]
        private var authorIndex: [String: UInt32] = [:]

        mutating func replica(_ id: ReplicaID) -> UInt32 { Tables.index(id, &replicas, &replicaIndex) }
        mutating func scope(_ scope: ScopeID) -> UInt32 { Tables.index(scope.name, &scopes, &scopeIndex) }
        mutating func field(_ name: String) -> UInt32 { Tables.index(name, &fields, &fieldIndex) }
        mutating func author(_ name: String) -> UInt32 { Tables.index(name, &authors, &authorIndex) }

        private static func index<T: Hashable>(_ value: T, _ list: inout [T], _ index: inout [T: UInt32]) -> UInt32 {
            if let found = index[value] { return found }
            let next = UInt32(list.count)
            list.append(value)
            index[value] = next
            return next
        }
    }
}
