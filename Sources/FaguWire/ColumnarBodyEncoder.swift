import FaguModel
import Foundation
import SwiftProtobuf

/// Writes the body of a 3.x file: a `Columns` message, each attribute of the groups and
/// changes in a column of its own, so that zlib finds like next to like (SPEC.md, "Body, 3.x").
enum ColumnarBodyEncoder {
    /// One shape: a record kind and, per change, its field index and value tag.
    private struct Shape: Hashable {
        var kind: Int
        var changes: [UInt64]   // field index << 2 | tag, per change
    }

    /// The uncompressed body for `groups`, whose first time delta is taken from `createdAt`.
    static func encode(_ groups: [ChangeGroup], createdAt: Timestamp) throws -> [UInt8] {
        var tables = BodyTables(recordsOf: groups)
        var chains = StreamChains()
        var columns = Fagu_V1_Columns()

        var uuidTimes: [UInt8] = [], uuidVersions: [UInt8] = [], uuidVariants: [UInt8] = [], uuidRandoms: [UInt8] = []
        uuidVersions.reserveCapacity(tables.uuids.count)
        uuidVariants.reserveCapacity(tables.uuids.count)
        uuidRandoms.reserveCapacity(tables.uuids.count * 8)
        var previousUUIDTime: Int64 = 0
        for uuid in tables.uuids {
            let b = uuid.uuid
            let time = Int64([b.0, b.1, b.2, b.3, b.4, b.5].reduce(0) { $0 << 8 | UInt64($1) })
            uuidTimes.appendZigzag(time &- previousUUIDTime)
            previousUUIDTime = time
            uuidVersions.append(b.6)
            uuidVariants.append(b.8)
            uuidRandoms += [b.7, b.9, b.10, b.11, b.12, b.13, b.14, b.15]
        }

        var shapes: [Shape: UInt64] = [:]
        var shapeTable: [UInt8] = []
        var groupShapes: [UInt8] = [], origins: [UInt8] = [], scopes: [UInt8] = [], records: [UInt8] = []
        var firstCounters: [UInt8] = [], timeDeltas: [UInt8] = [], authors: [UInt8] = [], flags: [UInt8] = []
        var previousHashes: [UInt8] = [], setAsideHashes: [UInt8] = [], clampedTimes: [UInt8] = []
        var contextCounts: [UInt8] = [], contextOrigins: [UInt8] = [], contextCounters: [UInt8] = []
        var integers: [UInt8] = [], reals: [UInt8] = []
        var textLengths: [[UInt8]] = [], texts: [[UInt8]] = []
        flags.reserveCapacity(groups.count)
        var nextUUID: UInt32 = 0, nextCode: UInt32 = 0
        var previousTime = createdAt.milliseconds
        for group in groups {
            let origin = tables.replica(group.origin)
            let scope = tables.scope(group.scope)
            let stream = BodyTables.Stream(origin: origin, scope: scope)
            let setAside = group.setAside != nil
            var shape = Shape(kind: group.kind.storageCode, changes: [])
            shape.changes.reserveCapacity(group.fields.count)
            for field in group.fields {
                if setAside {
                    shape.changes.append(0)   // field 0, null, no context: a set-aside change carries nothing
                    contextCounts.append(0)
                    continue
                }
                let index = UInt64(tables.field(field.field))
                contextCounts.appendVarint(UInt64(field.context.count))
                for dot in field.context {
                    contextOrigins.appendVarint(UInt64(tables.replica(dot.origin)))
                    contextCounters.appendVarint(dot.counter)
                }
                let tag: UInt64
                switch field.value {
                case .null:
                    tag = 0
                case .integer(let value):
                    tag = 1
                    integers.appendZigzag(value)
                case .real(let value):
                    tag = 2
                    reals.appendLittleEndian(value.bitPattern)
                case .text(let value):
                    tag = 3
                    while texts.count <= Int(index) {
                        texts.append([])
                        textLengths.append([])
                    }
                    textLengths[Int(index)].appendVarint(UInt64(value.utf8.count))
                    texts[Int(index)].append(contentsOf: value.utf8)
                }
                shape.changes.append(index << 2 | tag)
            }
            let shapeIndex: UInt64
            if let found = shapes[shape] {
                shapeIndex = found
            } else {
                shapeIndex = UInt64(shapes.count)
                shapes[shape] = shapeIndex
                shapeTable.appendVarint(UInt64(shape.kind))
                shapeTable.appendVarint(UInt64(shape.changes.count))
                for change in shape.changes {
                    shapeTable.appendVarint(change >> 2)
                    shapeTable.appendVarint(change & 3)
                }
            }
            groupShapes.appendVarint(shapeIndex)
            origins.appendVarint(UInt64(origin))
            scopes.appendVarint(UInt64(scope))
            let record = tables.record(group.record)
            if record == nextUUID && Int(record) < tables.uuids.count {
                records.appendVarint(0)
                nextUUID += 1
            } else if Int(record) >= tables.uuids.count && record - UInt32(tables.uuids.count) == nextCode {
                records.appendVarint(1)
                nextCode += 1
            } else {
                records.appendVarint(UInt64(record) + 2)
            }
            let written = chains.toWrite(stream, for: group)
            firstCounters.appendVarint(written.firstCounter)
            var flag: UInt8 = 0
            if let previous = written.previousHash {
                flag |= 1
                previousHashes += previous
            }
            chains.note(stream, lastCounter: group.lastCounter, hash: group.chainHash)
            if let aside = group.setAside {
                flag |= 2
                columns.setAsideCodes.append(aside.code)
                columns.setAsideReasons.append(aside.reason)
                setAsideHashes += aside.hash
            }
            if let clamped = group.clampedTime {
                flag |= 4
                clampedTimes.appendZigzag(clamped.milliseconds &- group.time.milliseconds)
            }
            flags.append(flag)
            timeDeltas.appendZigzag(group.time.milliseconds &- previousTime)
            previousTime = group.time.milliseconds
            authors.appendVarint(UInt64(tables.author(group.author)))
        }

        columns.replicas = tables.replicas.map { Data($0.bytes) }
        columns.scopes = tables.scopes
        columns.fields = tables.fields
        columns.authors = tables.authors
        columns.recordCodes = tables.codes
        columns.uuidTimes = Data(uuidTimes)
        columns.uuidVersions = Data(uuidVersions)
        columns.uuidVariants = Data(uuidVariants)
        columns.uuidRandoms = Data(uuidRandoms)
        columns.shapes = Data(shapeTable)
        columns.groupShapes = Data(groupShapes)
        columns.groupOrigins = Data(origins)
        columns.groupScopes = Data(scopes)
        columns.groupRecords = Data(records)
        columns.groupFirstCounters = Data(firstCounters)
        columns.groupTimeDeltas = Data(timeDeltas)
        columns.groupAuthors = Data(authors)
        columns.groupFlags = Data(flags)
        columns.previousHashes = Data(previousHashes)
        columns.setAsideHashes = Data(setAsideHashes)
        columns.clampedTimes = Data(clampedTimes)
        columns.contextCounts = Data(contextCounts)
        columns.contextOrigins = Data(contextOrigins)
        columns.contextCounters = Data(contextCounters)
        columns.integers = Data(integers)
        columns.reals = Data(reals)
        columns.textLengths = textLengths.map { Data($0) }
        columns.texts = texts.map { Data($0) }
        return try columns.serializedBytes()
    }
}
