import FaguModel
import Foundation
import SwiftProtobuf

/// Writes the body of a 2.x file: a `Body` message, one `Group` message per group and one
/// `Change` message per field change (SPEC.md, "Body, 2.x").
enum RowBodyEncoder {
    /// The uncompressed body for `groups`, whose first time delta is taken from `createdAt`.
    static func encode(_ groups: [ChangeGroup], createdAt: Timestamp) throws -> [UInt8] {
        var tables = BodyTables(recordsOf: groups)
        var chains = StreamChains()
        var body = Fagu_V1_Body()
        body.recordUuids = tables.uuids.map { uuid in withUnsafeBytes(of: uuid.uuid) { Data($0) } }
        body.recordCodes = tables.codes
        var previousTime = createdAt.milliseconds
        body.groups = groups.map { group in
            var message = Fagu_V1_Group()
            message.origin = tables.replica(group.origin)
            message.scope = tables.scope(group.scope)
            message.kind = UInt32(group.kind.storageCode)
            message.record = tables.record(group.record)
            let stream = BodyTables.Stream(origin: message.origin, scope: message.scope)
            let written = chains.toWrite(stream, for: group)
            message.firstCounter = written.firstCounter
            if let previous = written.previousHash { message.previousHash = Data(previous) }
            chains.note(stream, lastCounter: group.lastCounter, hash: group.chainHash)
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
        return try body.serializedBytes()
    }
}
