import FaguDomain
import FaguModel

/// Generates an adviser's day of realistic records, from a seed.
public struct Workload {
    /// The communities records are spread over.
    public var communities: [String]
    /// The adviser writing them.
    public var adviser: String
    private var generator: SeededGenerator

    /// A workload over `communities` by `adviser`, fixed by `seed`.
    public init(seed: UInt64, communities: [String] = ["c01", "c02", "c03"], adviser: String = "a017") {
        self.communities = communities
        self.adviser = adviser
        generator = SeededGenerator(seed: seed)
    }

    /// A random log record (visit, consultation, mediation, lecture …) with id `id`.
    public mutating func logRecord(id: RecordID, date: String = "2026-11-26") -> (kind: RecordKind, fields: [String: FieldValue]) {
        let community = communities.randomElement(using: &generator)!
        var fields: [String: FieldValue] = [
            "community_id": .text(community), "adviser_id": .text(adviser), "date": .text(date),
        ]
        let summary = FieldValue.text(SampleText.text(characters: Int.random(in: 20...200, using: &generator), using: &generator))
        let kind: RecordKind
        switch Int.random(in: 0..<10, using: &generator) {
        case 0..<4:
            kind = .visit
            fields["hours"] = .real(Double(Int.random(in: 2...16, using: &generator)) / 2)
            fields["note"] = summary
        case 4..<7:
            kind = .consultation
            fields["topic"] = .text(["婚姻家庭", "劳动争议", "房屋租赁", "土地承包", "邻里纠纷"].randomElement(using: &generator)!)
            fields["question"] = summary
            fields["answer"] = .text(SampleText.text(characters: 30, using: &generator))
        case 7:
            kind = .mediation
            fields["category"] = .text("邻里纠纷")
            fields["summary"] = summary
            fields["outcome"] = .text("调解成功")
        case 8:
            kind = .lecture
            fields["topic"] = .text("民法典进社区")
            fields["attendees"] = .integer(Int64.random(in: 10...80, using: &generator))
        default:
            kind = .governance
            fields["kind"] = .text(["rules", "contract", "decision", "election"].randomElement(using: &generator)!)
            fields["summary"] = summary
        }
        return (kind, fields)
    }

    /// A new case's fields.
    public mutating func caseRecord(date: String = "2026-11-26") -> [String: FieldValue] {
        [
            "community_id": .text(communities.randomElement(using: &generator)!), "adviser_id": .text(adviser),
            "date": .text(date), "title": .text(SampleText.text(characters: 20, using: &generator)), "status": .text("open"),
        ]
    }

    /// A random status for a case update.
    public mutating func caseStatus() -> FieldValue {
        .text(RecordKind.caseStatuses.randomElement(using: &generator)!)
    }
}
