import FaguDomain
import FaguModel
import FaguTesting
@testable import FaguWire
import Foundation
import Testing

/// The 2.0 and 3.0 layouts carry the same content: seeded random groups — Chinese and other
/// text, nulls, integers at their extremes, reals, contexts, set-aside and clamped groups,
/// bureau codes and UUIDs of both kinds, chains continued, started and broken — written in
/// each layout decode to the same groups, and to the groups written.
@Suite("Both layouts decode to the same groups")
struct LayoutEquivalenceProperty {
    static let replicas = (1...5).map { TestReplicas.id($0) }
    static let scopes: [ScopeID] = [.community("c01"), .community("c02"), .roster]
    static let fieldNames = ["community_id", "status", "note", "hours", "attendees", "title", "备注", ""]
    static let authors = ["a017", "office:c01", "hub", "顾问甲"]

    @Test("random groups written in 2.0 and in 3.0 decode alike", arguments: 1...50 as ClosedRange<UInt64>)
    func layoutsAgree(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let groups = Self.groups(count: Int.random(in: 0...40, using: &random), using: &random)
        let header = ChangeSetHeader(sender: Self.replicas[0], district: "浦东新区", scopes: Self.scopes, vectors: ScopeVectors(),
                                     schemaVersion: 5, createdAt: Timestamp(milliseconds: Int64.random(in: 0...1 << 45, using: &random)))
        var decoded: [ChangeSetVersion: [ChangeGroup]] = [:]
        for version in ChangeSetVersion.allCases {
            let file = try ChangeSetEncoder.encode(header: header, groups: groups, version: version)
            let set = try ChangeSetDecoder().decode(file)
            #expect(set.majorVersion == version.major)
            decoded[version] = set.groups
        }
        #expect(decoded[.v2] == decoded[.v3], "seed \(seed): the layouts decode to different groups")
        // What was written comes back, but for a set-aside group's field names, which no file carries.
        #expect(decoded[.v3] == groups.map(Self.asRead), "seed \(seed): 3.0 does not give back what was written")
    }

    /// `group` as a reader gets it back: a set-aside group's changes name no field.
    static func asRead(_ group: ChangeGroup) -> ChangeGroup {
        var read = group
        if group.setAside != nil { read.fields = group.fields.map { _ in FieldChange(field: "", value: .null) } }
        return read
    }

    /// `count` groups over a few origins and scopes: each continues its origin's chain in its
    /// scope, or (one in six) jumps ahead naming an unrelated previous hash.
    static func groups<G: RandomNumberGenerator>(count: Int, using random: inout G) -> [ChangeGroup] {
        var latest: [[Int]: (last: UInt64, hash: [UInt8])] = [:]
        var records: [RecordID] = []
        var time = Int64.random(in: 1_700_000_000_000...1_800_000_000_000, using: &random)
        var groups: [ChangeGroup] = []
        for _ in 0..<count {
            let origin = Int.random(in: 0..<3, using: &random), scope = Int.random(in: 0..<Self.scopes.count, using: &random)
            let stream = [origin, scope]
            let first: UInt64
            let previous: [UInt8]
            if let held = latest[stream], Int.random(in: 0..<6, using: &random) > 0 {
                first = held.last + 1
                previous = held.hash
            } else if latest[stream] == nil, Bool.random(using: &random) {
                first = 1
                previous = GroupHash.genesis
            } else {
                first = UInt64.random(in: 2...UInt64(1) << 40, using: &random)
                previous = (0..<32).map { _ in UInt8.random(in: 0...255, using: &random) }
            }
            time += Int64.random(in: -5_000...60_000, using: &random)
            let record: RecordID
            if !records.isEmpty, Int.random(in: 0..<3, using: &random) == 0 {
                record = records.randomElement(using: &random)!
            } else {
                record = Self.record(using: &random)
                records.append(record)
            }
            let kind = RecordKind.allCases.randomElement(using: &random)!
            let fields = (0..<Int.random(in: 1...7, using: &random)).map { _ in Self.change(using: &random) }
            var group = ChangeGroup(origin: Self.replicas[origin], scope: Self.scopes[scope], kind: kind, record: record,
                                    firstCounter: first, time: Timestamp(milliseconds: time),
                                    author: Self.authors.randomElement(using: &random)!, fields: fields, previousHash: previous)
            if Int.random(in: 0..<8, using: &random) == 0 {
                group.clampedTime = Timestamp(milliseconds: time - Int64.random(in: 600_001...9_000_000, using: &random))
            }
            if Int.random(in: 0..<6, using: &random) == 0 {
                group = group.settingAside(code: ["after_appointment", "unknown_field", "not_owner"].randomElement(using: &random)!,
                                           reason: Bool.random(using: &random) ? "" : "2026-12-01 在 c01 的任期结束之后")
            }
            latest[stream] = (group.lastCounter, group.chainHash)
            groups.append(group)
        }
        return groups
    }

    /// A UUID version 7, a random UUID of another version, or a bureau code.
    static func record<G: RandomNumberGenerator>(using random: inout G) -> RecordID {
        switch Int.random(in: 0..<4, using: &random) {
        case 0, 1:
            return RecordID.version7(at: Timestamp(milliseconds: Int64.random(in: 0...(1 << 48) - 1, using: &random)), using: &random)
        case 2:
            let b = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
            return .uuid(UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15])))
        default:
            return .code(["c01", "a017", "a017@c01@2026-01-01", "roster.x-1", "Z"].randomElement(using: &random)!)
        }
    }

    /// A field change of any value type, with a context of up to three dots.
    static func change<G: RandomNumberGenerator>(using random: inout G) -> FieldChange {
        let value: FieldValue
        switch Int.random(in: 0..<6, using: &random) {
        case 0: value = .null
        case 1: value = .integer([Int64.min, Int64.max, 0, -1, Int64.random(in: -1_000...1_000, using: &random)].randomElement(using: &random)!)
        case 2: value = .real([0.0, -0.0, 6.5, -1e300, .infinity, .leastNonzeroMagnitude, Double.random(in: -1e6...1e6, using: &random)]
                                .randomElement(using: &random)!)
        case 3: value = .text(SampleText.text(characters: Int.random(in: 1...200, using: &random), using: &random))
        case 4: value = .text(["", "open", "2026-11-26", "c01", "村委会 👩‍⚖️ café", "a\u{0}b"].randomElement(using: &random)!)
        default: value = .text(String(repeating: "好", count: Int.random(in: 1...1_000, using: &random)))
        }
        let context = (0..<[0, 0, 1, 3].randomElement(using: &random)!).map { _ in
            Dot(origin: Self.replicas.randomElement(using: &random)!, counter: UInt64.random(in: 1...UInt64.max, using: &random))
        }
        return FieldChange(field: Self.fieldNames.randomElement(using: &random)!, value: value, context: context)
    }
}
