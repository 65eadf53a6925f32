import FaguDomain
import FaguModel
import FaguTesting
@testable import FaguWire
import Foundation
import Testing

/// The 3.0 reader under lying bodies (5,000 of them) that pass the checksum: random groups written as
/// columns, one column, one table of names (or the header's counts) then damaged — a bit
/// flipped, bytes set, cut, inserted, removed, repeated; an entry dropped, repeated or
/// emptied — framed with an honest checksum, and read. Every one is
/// refused `malformed` or `too_many_changes`, or read as groups that write and read back the
/// same; none traps. (The fuzzer, `tools/fuzz`, rarely gets past the checksum.)
@Suite("Damaged columns are refused, never a crash")
struct ColumnMutationProperty {
    @Test("every damaged column of random bodies is refused or reads back consistently", arguments: 1...20 as ClosedRange<UInt64>)
    func damagedColumns(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed &* 7_919)
        let groups = LayoutEquivalenceProperty.groups(count: Int.random(in: 1...30, using: &random), using: &random)
        let createdAt = Timestamp(milliseconds: WireVectors.time)
        let honest = try Fagu_V1_Columns(serializedBytes: ColumnarBodyEncoder.encode(groups, createdAt: createdAt))
        let changes = UInt64(groups.reduce(0) { $0 + $1.fields.count })
        var refused = 0, read = 0
        for _ in 0..<250 {
            var columns = honest
            var groupCount = UInt32(groups.count), changeCount = changes
            switch Int.random(in: 0..<10, using: &random) {
            case 0: groupCount = UInt32(clamping: Int(groupCount) + Int.random(in: -2...2, using: &random))
            case 1: changeCount = UInt64(clamping: Int(changeCount) + Int.random(in: -3...3, using: &random))
            default: Self.damage(&columns, using: &random)
            }
            // Damage that changed nothing (±0, an empty column cut) would be read as the honest body.
            guard columns != honest || groupCount != UInt32(groups.count) || changeCount != changes else { continue }
            let file = try WireVectors.frame(header: WireVectors.headerBytes(changeCount: changeCount, groupCount: groupCount),
                                             body: columns.serializedBytes(), major: ChangeSetVersion.v3.major)
            do {
                let set = try ChangeSetDecoder().decode(file)
                // Read: then it writes and reads back the same (compared as bytes: NaN ≠ NaN).
                let again = try ChangeSetEncoder.encode(header: set.header, groups: set.groups)
                let reread = try ChangeSetDecoder().decode(again)
                #expect(try ChangeSetEncoder.encode(header: set.header, groups: reread.groups) == again)
                read += 1
            } catch let error as WireError {
                #expect([.malformed, .tooManyChanges].contains(error.code), "\(error)")
                refused += 1
            }
        }
        // Both outcomes occur among damaged bodies: damage to a UUID's random bytes or a value
        // reads as other content.
        #expect(refused > 0 && read > 0, "\(refused) refused, \(read) read")
    }

    /// One column of `columns`, chosen at random, damaged at random.
    static func damage<G: RandomNumberGenerator>(_ columns: inout Fagu_V1_Columns, using random: inout G) {
        let paths: [WritableKeyPath<Fagu_V1_Columns, Data>] = [
            \.uuidTimes, \.uuidVersions, \.uuidVariants, \.uuidRandoms, \.shapes, \.groupShapes, \.groupOrigins,
            \.groupScopes, \.groupRecords, \.groupFirstCounters, \.groupTimeDeltas, \.groupAuthors, \.groupFlags,
            \.previousHashes, \.setAsideHashes, \.clampedTimes, \.contextCounts, \.contextOrigins, \.contextCounters,
            \.integers, \.reals,
        ]
        if Int.random(in: 0..<5, using: &random) == 0 {
            damageTable(&columns, using: &random)
            return
        }
        if Int.random(in: 0..<4, using: &random) == 0, !columns.texts.isEmpty {
            let field = Int.random(in: 0..<columns.texts.count, using: &random)
            if Bool.random(using: &random) {
                columns.texts[field] = Data(damaged([UInt8](columns.texts[field]), using: &random))
            } else {
                columns.textLengths[field] = Data(damaged([UInt8](columns.textLengths[field]), using: &random))
            }
            return
        }
        let path = paths.randomElement(using: &random)!
        columns[keyPath: path] = Data(damaged([UInt8](columns[keyPath: path]), using: &random))
    }

    /// One of the body's tables (replica ids, scopes, field names, authors, bureau codes,
    /// set-aside codes and reasons), chosen at random, with an entry dropped, repeated or
    /// damaged, or emptied.
    static func damageTable<G: RandomNumberGenerator>(_ columns: inout Fagu_V1_Columns, using random: inout G) {
        func damage<T>(_ table: inout [T], _ entry: (T, inout G) -> T) {
            guard !table.isEmpty else {
                return
            }
            let at = Int.random(in: 0..<table.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: table.remove(at: at)
            case 1: table.insert(table[at], at: at)
            case 2: table[at] = entry(table[at], &random)
            default: table.removeAll()
            }
        }
        let text: (String, inout G) -> String = { String(decoding: damaged(Array($0.utf8), using: &$1), as: UTF8.self) }
        switch Int.random(in: 0..<7, using: &random) {
        case 0: damage(&columns.replicas) { Data(damaged([UInt8]($0), using: &$1)) }
        case 1: damage(&columns.scopes, text)
        case 2: damage(&columns.fields, text)
        case 3: damage(&columns.authors, text)
        case 4: damage(&columns.recordCodes, text)
        case 5: damage(&columns.setAsideCodes, text)
        default: damage(&columns.setAsideReasons, text)
        }
    }

    /// `bytes` with one random damage.
    static func damaged<G: RandomNumberGenerator>(_ bytes: [UInt8], using random: inout G) -> [UInt8] {
        var bytes = bytes
        let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<6, using: &random) {
        case 0 where !bytes.isEmpty: bytes[at] ^= 1 << UInt8.random(in: 0...7, using: &random)
        case 1 where !bytes.isEmpty: bytes[at] = [0, 1, 2, 3, 0x7F, 0x80, 0xFF].randomElement(using: &random)!
        case 2: bytes = Array(bytes[0..<at])
        case 3: bytes.insert(contentsOf: (0..<Int.random(in: 1...10, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }, at: at)
        case 4 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...8, using: &random)))
        default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + Int.random(in: 1...12, using: &random))], at: at)
        }
        return bytes
    }
}
