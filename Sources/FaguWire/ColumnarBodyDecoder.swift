import FaguModel
import Foundation
import SwiftProtobuf

/// Reads the body of a 3.x file: a `Columns` message (SPEC.md, "Body, 3.x").
///
/// Every column is read with its own cursor that refuses to read past its end; every index
/// is checked against its table; a count is checked against what is left of its column
/// before anything of that count is allocated; and every column must be read to its end.
struct ColumnarBodyDecoder {
    /// The limits enforced.
    let limits: ChangeSetLimits
    /// The kinds of record the reader knows.
    let schema: Schema

    /// The shape table: per shape a kind and, per change, its field index and value tag,
    /// kept flat (one allocation for all shapes, however many a file lists).
    private struct Shapes {
        /// Per shape: its kind, and where its changes start in `fields` and `tags` and how
        /// many there are.
        var shapes: [(kind: RecordKind, start: Int, count: Int)] = []
        /// Per change of every shape, in order: its field index and value tag.
        var fields: [Int] = []
        var tags: [UInt8] = []
    }

    /// The groups of `bytes`, checked against what `header` declares.
    ///
    /// - Parameter deliver: Takes the groups a batch at a time as they are read and hashed,
    ///   in order; none are returned then. Nil returns them all.
    func decode(_ bytes: [UInt8], header: ChangeSetHeader,
                deliver: (@Sendable ([ChangeGroup]) -> Void)? = nil) throws(WireError) -> [ChangeGroup] {
        let body: Fagu_V1_Columns
        do {
            body = try Fagu_V1_Columns(serializedBytes: bytes)
        } catch {
            throw WireError(.malformed, "the body is not a valid message")
        }
        let replicas = try BodyChecks.replicas(body.replicas)
        let scopes = body.scopes.map(ScopeID.init)
        let fieldNames = body.fields
        let authors = body.authors
        let records = try recordIDs(body)
        // Every group has a change, and the header's count of those is within the limit.
        guard header.groupCount <= header.changeCount else {
            throw WireError(.malformed, "the header declares \(header.groupCount) groups but only \(header.changeCount) changes")
        }
        let shapes = try readShapes(ColumnReader("shapes", [UInt8](body.shapes)), header: header)

        var groupShapes = ColumnReader("group_shapes", [UInt8](body.groupShapes))
        var origins = ColumnReader("group_origins", [UInt8](body.groupOrigins))
        var groupScopes = ColumnReader("group_scopes", [UInt8](body.groupScopes))
        var groupRecords = ColumnReader("group_records", [UInt8](body.groupRecords))
        var firstCounters = ColumnReader("group_first_counters", [UInt8](body.groupFirstCounters))
        var timeDeltas = ColumnReader("group_time_deltas", [UInt8](body.groupTimeDeltas))
        var groupAuthors = ColumnReader("group_authors", [UInt8](body.groupAuthors))
        var flags = ColumnReader("group_flags", [UInt8](body.groupFlags))
        var previousHashes = ColumnReader("previous_hashes", [UInt8](body.previousHashes))
        var setAsideHashes = ColumnReader("set_aside_hashes", [UInt8](body.setAsideHashes))
        var clampedTimes = ColumnReader("clamped_times", [UInt8](body.clampedTimes))
        var contextCounts = ColumnReader("context_counts", [UInt8](body.contextCounts))
        var contextOrigins = ColumnReader("context_origins", [UInt8](body.contextOrigins))
        var contextCounters = ColumnReader("context_counters", [UInt8](body.contextCounters))
        var integers = ColumnReader("integers", [UInt8](body.integers))
        var reals = ColumnReader("reals", [UInt8](body.reals))
        guard body.textLengths.count == body.texts.count, body.texts.count <= fieldNames.count else {
            throw WireError(.malformed, "the body has text lengths for \(body.textLengths.count) fields and texts for "
                            + "\(body.texts.count), of \(fieldNames.count) fields")
        }
        var textLengths = body.textLengths.map { ColumnReader("text_lengths", [UInt8]($0)) }
        var texts = body.texts.map { ColumnReader("texts", [UInt8]($0)) }
        guard body.setAsideCodes.count == body.setAsideReasons.count else {
            throw WireError(.malformed, "the body has \(body.setAsideCodes.count) set-aside codes but \(body.setAsideReasons.count) reasons")
        }
        var setAsideIndex = 0

        // Every group takes at least one byte of group_shapes: no more can be allocated.
        guard header.groupCount <= groupShapes.remaining else {
            throw WireError(.malformed, "the header declares \(header.groupCount) groups but the body holds fewer")
        }
        let hasher = ChainHasher(groupCount: header.groupCount, deliver: deliver)
        defer { hasher.abandon() }  // stops its thread when reading fails; nothing left to stop otherwise
        var chains = StreamChains()
        var nextUUID = 0, nextCode = 0
        var time = header.createdAt.milliseconds
        var checks = BodyChecks(limits: limits, header: header)
        for _ in 0..<header.groupCount {
            let shape = shapes.shapes[try groupShapes.readIndex(below: shapes.shapes.count, of: "shape")]
            try checks.count(shape.count)
            let originIndex = try origins.readIndex(below: replicas.count, of: "replica")
            let scopeIndex = try groupScopes.readIndex(below: scopes.count, of: "scope")
            let record: RecordID
            switch try groupRecords.readVarint() {
            case 0:
                guard nextUUID < records.uuids else { throw WireError(.malformed, "a group names a UUID after the last one") }
                record = records.ids[nextUUID]
                nextUUID += 1
            case 1:
                guard nextCode < records.ids.count - records.uuids else {
                    throw WireError(.malformed, "a group names a code after the last one")
                }
                record = records.ids[records.uuids + nextCode]
                nextCode += 1
            case let index:
                guard index - 2 < UInt64(records.ids.count) else {
                    throw WireError(.malformed, "a group names record \(index - 2), which the file does not list")
                }
                record = records.ids[Int(index - 2)]
            }
            let stream = BodyTables.Stream(origin: UInt32(originIndex), scope: UInt32(scopeIndex))
            let firstCounter = try chains.firstCounter(written: try firstCounters.readVarint(), in: stream)
            guard firstCounter <= UInt64.max - UInt64(shape.count) else {
                throw WireError(.malformed, "a group has an impossible counter")
            }
            time = time &+ (try timeDeltas.readZigzag())
            let author = try groupAuthors.readIndex(below: authors.count, of: "author")
            let flag = try flags.readByte()
            guard flag & ~7 == 0 else { throw WireError(.malformed, "a group has unknown flags \(flag)") }
            // Left nil where it is the hash of the stream's group before: the hasher fills it in.
            let previousHash = try chains.previousHash(written: flag & 1 != 0 ? Array(try previousHashes.read(32)) : [],
                                                       in: stream, firstCounter: firstCounter)
            var setAside: SetAside?
            if flag & 2 != 0 {
                guard setAsideIndex < body.setAsideCodes.count, !body.setAsideCodes[setAsideIndex].isEmpty else {
                    throw WireError(.malformed, "a set-aside group has no code")
                }
                setAside = SetAside(code: body.setAsideCodes[setAsideIndex], reason: body.setAsideReasons[setAsideIndex],
                                    hash: Array(try setAsideHashes.read(32)))
                setAsideIndex += 1
            }
            var clampedTime: Timestamp?
            if flag & 4 != 0 {
                let clamped = time &+ (try clampedTimes.readZigzag())
                if clamped != 0 { clampedTime = Timestamp(milliseconds: clamped) }
            }
            var fields: [FieldChange] = []
            fields.reserveCapacity(shape.count)
            for change in shape.start..<(shape.start + shape.count) {
                let field = shapes.fields[change], tag = shapes.tags[change]
                let contextCount = try contextCounts.readVarint()
                if setAside != nil {
                    fields.append(try BodyChecks.setAsideChange(carriesValue: tag != 0 || contextCount != 0))
                    continue
                }
                guard field < fieldNames.count else {
                    throw WireError(.malformed, "a change names field \(field), which the file does not list")
                }
                let value: FieldValue
                switch tag {
                case 0:
                    value = .null
                case 1:
                    value = .integer(try integers.readZigzag())
                case 2:
                    value = .real(Double(bitPattern: try reals.readLittleEndian64()))
                default:
                    guard field < texts.count else {
                        throw WireError(.malformed, "a change has a text of field \(field), which has no text column")
                    }
                    let length = try textLengths[field].readVarint()
                    guard length <= UInt64(texts[field].remaining) else {
                        throw WireError(.malformed, "a text of field \(field) runs past the end of its column")
                    }
                    guard let text = String(exactUTF8: try texts[field].read(Int(length))) else {
                        throw WireError(.malformed, "a text of field \(field) is not valid UTF-8")
                    }
                    value = .text(text)
                }
                // Every dot takes at least one byte of each context column.
                guard contextCount <= UInt64(contextOrigins.remaining) else {
                    throw WireError(.malformed, "a change has \(contextCount) context dots, more than the context columns hold")
                }
                var context: [Dot] = []
                if contextCount > 0 {
                    context.reserveCapacity(Int(contextCount))
                    for _ in 0..<contextCount {
                        let origin = replicas[try contextOrigins.readIndex(below: replicas.count, of: "replica")]
                        context.append(Dot(origin: origin, counter: try contextCounters.readVarint()))
                    }
                }
                fields.append(FieldChange(field: fieldNames[field], value: value, context: context))
            }
            let group = ChangeGroup(origin: replicas[originIndex], scope: scopes[scopeIndex], kind: shape.kind, record: record,
                                    firstCounter: firstCounter, time: Timestamp(milliseconds: time), author: authors[author],
                                    fields: fields, previousHash: previousHash, setAside: setAside, clampedTime: clampedTime)
            // Only the counter is noted here; the hasher keeps each stream's latest hash.
            chains.note(stream, lastCounter: group.lastCounter)
            hasher.add(group, stream: stream)
        }
        for column in [groupShapes, origins, groupScopes, groupRecords, firstCounters, timeDeltas, groupAuthors, flags,
                       previousHashes, setAsideHashes, clampedTimes, contextCounts, contextOrigins, contextCounters,
                       integers, reals] + textLengths + texts {
            try column.expectEnd()
        }
        guard setAsideIndex == body.setAsideCodes.count else {
            throw WireError(.malformed, "the body holds \(body.setAsideCodes.count - setAsideIndex) set-aside codes more than its groups use")
        }
        try checks.expectDeclaredChanges()
        return try hasher.finish()
    }

    /// The record ids: the UUIDs (rebuilt from their four columns), then the codes.
    private func recordIDs(_ body: Fagu_V1_Columns) throws(WireError) -> (ids: [RecordID], uuids: Int) {
        let count = body.uuidVersions.count
        guard body.uuidVariants.count == count, body.uuidRandoms.count == 8 * count else {
            throw WireError(.malformed, "the UUID columns disagree: \(count) version bytes, \(body.uuidVariants.count) variant "
                            + "bytes, \(body.uuidRandoms.count) random bytes (8 a UUID)")
        }
        let versions = [UInt8](body.uuidVersions), variants = [UInt8](body.uuidVariants), randoms = [UInt8](body.uuidRandoms)
        var times = ColumnReader("uuid_times", [UInt8](body.uuidTimes))
        var ids: [RecordID] = []
        ids.reserveCapacity(count + body.recordCodes.count)
        var time: Int64 = 0
        for index in 0..<count {
            time = time &+ (try times.readZigzag())
            guard time >= 0, time < 1 << 48 else { throw WireError(.malformed, "a UUID's time is not 6 bytes") }
            let t = UInt64(time), r = 8 * index
            ids.append(.uuid(UUID(uuid: (UInt8(truncatingIfNeeded: t >> 40), UInt8(truncatingIfNeeded: t >> 32),
                                         UInt8(truncatingIfNeeded: t >> 24), UInt8(truncatingIfNeeded: t >> 16),
                                         UInt8(truncatingIfNeeded: t >> 8), UInt8(truncatingIfNeeded: t),
                                         versions[index], randoms[r], variants[index], randoms[r + 1], randoms[r + 2],
                                         randoms[r + 3], randoms[r + 4], randoms[r + 5], randoms[r + 6], randoms[r + 7]))))
        }
        try times.expectEnd()
        ids.append(contentsOf: try BodyChecks.recordCodes(body.recordCodes))
        return (ids, count)
    }

    /// The shape table. There are no more shapes than groups, and no more changes in them
    /// than in the groups: a writer writes only the shapes its groups use.
    private func readShapes(_ column: ColumnReader, header: ChangeSetHeader) throws(WireError) -> Shapes {
        var column = column
        var table = Shapes()
        while !column.isAtEnd {
            guard table.shapes.count < header.groupCount else {
                throw WireError(.malformed, "the shape table holds more shapes than the file has groups")
            }
            let code = try column.readVarint()
            guard code <= UInt64(Int.max), let kind = schema.kind(code: Int(code)) else {
                throw WireError(.malformed, "a group has record kind \(code), unknown to this version")
            }
            let count = try column.readVarint()
            guard count > 0, count <= UInt64(header.changeCount - table.fields.count) else {
                throw WireError(.malformed, "a shape has no changes, or more than the file has")
            }
            table.shapes.append((kind, table.fields.count, Int(count)))
            for _ in 0..<count {
                let field = try column.readVarint()
                let tag = try column.readVarint()
                guard tag <= 3 else { throw WireError(.malformed, "a shape has value tag \(tag), which is none of 0…3") }
                // An index past the field table is refused where a group uses it (a set-aside
                // group's changes carry field 0, which readers ignore).
                table.fields.append(field < UInt64(Int32.max) ? Int(field) : Int(Int32.max))
                table.tags.append(UInt8(tag))
            }
        }
        return table
    }
}
