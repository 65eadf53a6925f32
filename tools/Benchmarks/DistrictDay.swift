import FaguDomain
import FaguModel
import FaguTesting

/// A district's day of record operations, generated from a seed: the roster, work logs with
/// 20–200 Chinese characters, cases and their status changes, split between two replicas
/// (a hub-side office and an adviser's laptop), plus cases both hold before the day that both
/// edit during it — the concurrent edits a merge must keep.
struct DistrictDay {
    /// One record operation: a whole new record, or an update of some of its fields.
    struct Operation {
        var kind: RecordKind
        var id: RecordID
        var fields: [String: FieldValue]
        var isUpdate: Bool
    }

    /// Cases both replicas hold before the day.
    var shared: [Operation] = []
    /// Each replica's operations of the day, in order.
    var first: [Operation] = []
    var second: [Operation] = []

    var records: Int { (first + second).filter { !$0.isUpdate }.count }
    var operations: Int { first.count + second.count }

    /// A day of `records` new records and 40% as many updates, a tenth of those concurrent.
    init(records: Int) {
        var ids = SeededGenerator(seed: 11)
        var time = Timestamp(milliseconds: 1_795_000_000_000)
        func nextID() -> RecordID {
            time = Timestamp(milliseconds: time.milliseconds + 1)
            return RecordID.version7(at: time, using: &ids)
        }
        var firstWork = Workload(seed: 7, communities: (1...40).map { "c\($0)" }, adviser: "a017")
        var secondWork = Workload(seed: 8, communities: (1...40).map { "c\($0)" }, adviser: "a018")
        for _ in 0..<max(records / 100, 10) {
            shared.append(Operation(kind: .legalCase, id: nextID(), fields: firstWork.caseRecord(), isUpdate: false))
        }
        // The roster: communities, advisers and appointments, on the first replica.
        let communities = max(records / 500, 10)
        for index in 0..<communities {
            first.append(Operation(kind: .community, id: .code("c\(index + 1)"), fields: [
                "name": .text(SampleText.text(characters: 8, using: &ids) + "村"), "kind": .text(index % 3 == 0 ? "residential" : "village"),
                "judicial_office": .text(SampleText.text(characters: 4, using: &ids) + "司法所"),
            ], isUpdate: false))
            first.append(Operation(kind: .adviser, id: .code("a\(index + 1)"), fields: [
                "name": .text(SampleText.text(characters: 3, using: &ids)), "kind": .text("lawyer"),
                "organization": .text(SampleText.text(characters: 10, using: &ids) + "律师事务所"),
                "phone": .text("1380000\(1000 + index)"), "practice_since": .integer(2010), "education": .text("master"),
            ], isUpdate: false))
            first.append(Operation(kind: .appointment, id: .code("a\(index + 1)@c\(index + 1)@2026-01-01"), fields: [
                "adviser_id": .text("a\(index + 1)"), "community_id": .text("c\(index + 1)"), "start": .text("2026-01-01"),
                "annual_fee_cny": .integer(12_000), "service_hours": .text("每月第一个周三 9:00-15:00"),
            ], isUpdate: false))
        }
        // Logs and cases, half on each side; every fifth record a case.
        var firstCases: [RecordID] = [], secondCases: [RecordID] = []
        while first.count + second.count < records {
            let onFirst = (first.count + second.count) % 2 == 0
            let id = nextID()
            if (first.count + second.count) % 5 == 4 {
                let fields = onFirst ? firstWork.caseRecord() : secondWork.caseRecord()
                if onFirst { first.append(Operation(kind: .legalCase, id: id, fields: fields, isUpdate: false)); firstCases.append(id) }
                else { second.append(Operation(kind: .legalCase, id: id, fields: fields, isUpdate: false)); secondCases.append(id) }
            } else {
                let record = onFirst ? firstWork.logRecord(id: id) : secondWork.logRecord(id: id)
                let operation = Operation(kind: record.kind, id: id, fields: record.fields, isUpdate: false)
                if onFirst { first.append(operation) } else { second.append(operation) }
            }
        }
        // Updates: each side's own cases, and a tenth of them on the shared cases.
        let updates = records * 2 / 5
        for index in 0..<updates {
            let onFirst = index % 2 == 0
            let concurrent = index % 10 < 2
            let cases = concurrent ? shared.map(\.id) : (onFirst ? firstCases : secondCases)
            let target = cases[(index / 2) * 7919 % cases.count]
            let status = onFirst ? firstWork.caseStatus() : secondWork.caseStatus()
            let operation = Operation(kind: .legalCase, id: target, fields: ["status": status], isUpdate: true)
            if onFirst { first.append(operation) } else { second.append(operation) }
        }
    }
}
