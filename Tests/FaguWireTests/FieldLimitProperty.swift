import FaguDomain
import FaguModel
import FaguStore
import FaguTesting
@testable import FaguWire
import Foundation
import Testing

/// Whatever the write path accepts, the wire carries and every peer accepts: random
/// records with text up to the field limit — repetitive (a pasted form, one character over
/// and over) or not — written, paged into files, decoded and applied elsewhere.
@Suite("Field limits hold end to end")
struct FieldLimitProperty {
    /// A text of about `bytes` UTF-8 bytes, never over the limit: one repeated character,
    /// a repeated phrase, or varied Chinese prose.
    static func text<G: RandomNumberGenerator>(bytes: Int, using random: inout G) -> String {
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return String(repeating: "好", count: bytes / 3)
        case 1: return String(repeating: "村规民约第十条：", count: max(bytes / 24, 1))
        default:
            // Varied prose, cut to the byte budget at a character boundary.
            var text = ""
            var used = 0
            for character in SampleText.text(characters: max(bytes / 3, 1), using: &random) {
                let size = String(character).utf8.count
                if used + size > bytes { break }
                text.append(character)
                used += size
            }
            return text.isEmpty ? "好" : text
        }
    }

    @Test("random records up to the text limit encode, decode and apply, page by page", arguments: 1...12 as ClosedRange<UInt64>)
    func upToTheLimit(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let directory = try TemporaryDirectory()
        let writer = try TestReplicas.make("writer", number: 1, in: directory)
        let reader = try TestReplicas.make("reader", number: 2, in: directory)
        let limit = FieldType.maxTextBytes
        for _ in 0..<Int.random(in: 20...90, using: &random) {
            let size = Bool.random(using: &random) ? limit : Int.random(in: 1...limit, using: &random)
            try writer.write { transaction in
                switch Int.random(in: 0..<3, using: &random) {
                case 0:
                    try transaction.insert(Visit(id: transaction.newRecordID(), communityID: "c01", adviserID: "a017",
                                                 date: "2026-11-26", hours: 6, note: Self.text(bytes: size, using: &random)))
                case 1:
                    try transaction.insert(Consultation(
                        id: transaction.newRecordID(), communityID: "c01", adviserID: "a017", date: "2026-11-26",
                        topic: "land_contract", question: Self.text(bytes: size, using: &random),
                        answer: Self.text(bytes: Int.random(in: 1...limit, using: &random), using: &random)))
                default:
                    try transaction.insert(Mediation(id: transaction.newRecordID(), communityID: "c01", adviserID: "a017",
                                                     date: "2026-11-26", category: "neighbour",
                                                     summary: Self.text(bytes: size, using: &random),
                                                     outcome: Self.text(bytes: size, using: &random)))
                }
            }
        }
        let scopes = [ScopeID.community("c01")]
        var pages = 0
        while true {
            let page = try writer.measureDelta(for: reader.vectors(scopes: scopes), scopes: scopes)
            if page.groups.isEmpty { break }
            let header = ChangeSetHeader(sender: writer.id, district: "浦东新区", scopes: scopes,
                                         vectors: try writer.vectors(scopes: scopes), schemaVersion: ReplicaSchema.version,
                                         createdAt: Timestamp(milliseconds: 1_795_000_000_000), hasMore: !page.complete)
            let file = try ChangeSetEncoder.encode(header: header, groups: page.groups)
            #expect(file.count <= ChangeSetLimits.standard.maxFileBytes, "seed \(seed)")
            let decoded = try ChangeSetDecoder().decode(file)
            #expect(decoded.bodyBytes <= ChangeSetLimits.standard.maxBodyBytes, "seed \(seed)")
            let report = try reader.apply(decoded.groups)
            #expect(report.setAside.isEmpty, "seed \(seed): \(report.setAside.compactMap(\.setAside))")
            pages += 1
            if page.complete { break }
        }
        #expect(pages >= 1)
        #expect(try reader.digest(scopes: scopes) == writer.digest(scopes: scopes), "seed \(seed)")
    }
}
