import FaguModel
import Foundation
import SwiftProtobuf

/// Reads the body of a 2.x file: a `Body` message (SPEC.md, "Body, 2.x").
struct RowBodyDecoder {
    /// The limits enforced.
    let limits: ChangeSetLimits
    /// The kinds of record the reader knows.
    let schema: Schema

    /// The groups of `bytes`, checked against what `header` declares.
    ///
    /// - Parameter deliver: Takes the groups a batch at a time as they are read and hashed,
    ///   in order; none are returned then. Nil returns them all.
    func decode(_ bytes: [UInt8], header: ChangeSetHeader,
                deliver: (@Sendable ([ChangeGroup]) -> Void)? = nil) throws(WireError) -> [ChangeGroup] {
        let body: Fagu_V1_Body
        do {
            body = try Fagu_V1_Body(serializedBytes: bytes)
        } catch {
            throw WireError(.malformed, "the body is not a valid message")
        }
        let replicas = try BodyChecks.replicas(body.replicas)
        func lookup<T>(_ list: [T], _ index: UInt32, _ what: String) throws(WireError) -> T {
            guard Int(index) < list.count else { throw WireError(.malformed, "a change names \(what) \(index), which the file does not list") }
            return list[Int(index)]
        }
        guard body.groups.count == header.groupCount else {
            throw WireError(.malformed, "the header declares \(header.groupCount) groups but the body holds \(body.groups.count)")
        }
        var recordUUIDs: [RecordID] = []
        recordUUIDs.reserveCapacity(body.recordUuids.count)
        for raw in body.recordUuids {
            guard raw.count == 16 else { throw WireError(.malformed, "a record id is \(raw.count) bytes, not 16") }
            let b = [UInt8](raw)
            recordUUIDs.append(.uuid(UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                                                 b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))))
        }
        let recordCodes = try BodyChecks.recordCodes(body.recordCodes)
        var chains = StreamChains()
        var time = header.createdAt.milliseconds
        var checks = BodyChecks(limits: limits, header: header)
        let hasher = ChainHasher(groupCount: body.groups.count, deliver: deliver)
        defer { hasher.abandon() }  // stops its thread when reading fails; nothing left to stop otherwise
        for message in body.groups {
            try checks.count(message.changes.count)
            guard let kind = schema.kind(code: Int(message.kind)) else {
                throw WireError(.malformed, "a group has record kind \(message.kind), unknown to this version")
            }
            let record: RecordID
            if Int(message.record) < recordUUIDs.count {
                record = recordUUIDs[Int(message.record)]
            } else {
                record = try lookup(recordCodes, message.record - UInt32(recordUUIDs.count), "record")
            }
            let stream = BodyTables.Stream(origin: message.origin, scope: message.scope)
            let firstCounter = try chains.firstCounter(written: message.firstCounter, in: stream)
            guard !message.changes.isEmpty, firstCounter <= UInt64.max - UInt64(message.changes.count) else {
                throw WireError(.malformed, "a group has no changes or an impossible counter")
            }
            // Left nil where it is the hash of the stream's group before: the hasher fills it in.
            let previousHash = try chains.previousHash(written: [UInt8](message.previousHash), in: stream, firstCounter: firstCounter)
            time = time &+ message.timeDeltaMs
            var setAside: SetAside?
            if !message.setAside.isEmpty {
                guard message.setAsideHash.count == 32 else { throw WireError(.malformed, "a set-aside group's hash is not 32 bytes") }
                setAside = SetAside(code: message.setAside, reason: message.setAsideReason, hash: [UInt8](message.setAsideHash))
            }
            var fields: [FieldChange] = []
            fields.reserveCapacity(message.changes.count)
            for change in message.changes {
                guard change.contextOrigins.count == change.contextCounters.count else {
                    throw WireError(.malformed, "a change's context has \(change.contextOrigins.count) origins but \(change.contextCounters.count) counters")
                }
                let value: FieldValue
                switch change.value {
                case .null?: value = .null
                case .integer(let integer)?: value = .integer(integer)
                case .real(let real)?: value = .real(real)
                case .text(let text)?: value = .text(text)
                case nil: throw WireError(.malformed, "a change has no value")
                }
                var context: [Dot] = []
                for (origin, counter) in zip(change.contextOrigins, change.contextCounters) {
                    context.append(Dot(origin: try lookup(replicas, origin, "replica"), counter: counter))
                }
                if setAside != nil {
                    fields.append(try BodyChecks.setAsideChange(carriesValue: value != .null || !context.isEmpty))
                } else {
                    fields.append(FieldChange(field: try lookup(body.fields, change.field, "field"), value: value, context: context))
                }
            }
            let group = ChangeGroup(
                origin: try lookup(replicas, message.origin, "replica"), scope: ScopeID(try lookup(body.scopes, message.scope, "scope")),
                kind: kind, record: record, firstCounter: firstCounter, time: Timestamp(milliseconds: time),
                author: try lookup(body.authors, message.author, "author"), fields: fields,
                previousHash: previousHash, setAside: setAside,
                clampedTime: message.clampedTimeMs == 0 ? nil : Timestamp(milliseconds: message.clampedTimeMs))
            chains.note(stream, lastCounter: group.lastCounter)
            hasher.add(group, stream: stream)
        }
        try checks.expectDeclaredChanges()
        return try hasher.finish()
    }
}
