import Foundation
import Testing
import FaguDomain
import FaguModel

/// Sample records for every kind: `full` sets every field, `minimal` only the required ones.
private enum Samples {
    static let community = RecordID.code("c01")
    static let adviser = RecordID.code("a017")
    static let logID = RecordID.uuid(UUID(uuidString: "0190F5D2-7C1E-7A3B-8D4C-1E2F3A4B5C6D")!)
    static let caseID = "0190f5d2-7c1e-7a3b-8d4c-000000000001"

    static let full: [any TypedRecord] = [
        Community(id: community, name: "幸福里社区", kind: .residential, judicialOffice: "花木司法所"),
        Adviser(id: adviser, name: "张伟", kind: .legalWorker, organization: "上海市浦东新区法律服务所",
                phone: "021-5888 1234", practiceSince: 2009, education: .master),
        Appointment(id: .code("p001"), adviserID: "a017", communityID: "c01", start: "2024-01-01",
                    end: "2026-12-31", annualFeeCNY: 30_000, serviceHours: "每周二下午 14:00–17:00",
                    overLimitReason: "区司法局指定兼任第四个居村"),
        Visit(id: logID, communityID: "c01", adviserID: "a017", date: "2026-03-05", hours: 6.5,
              note: "在居委会接待室坐班"),
        Consultation(id: logID, communityID: "c01", adviserID: "a017", date: "2026-03-05", topic: "婚姻家庭",
                     question: "离婚后子女抚养费如何计算？", answer: "一般按月收入的百分之二十至三十。",
                     hard: true, due: "2026-03-12"),
        Mediation(id: logID, communityID: "c01", adviserID: "a017", date: "2026-03-06", category: "邻里纠纷",
                  summary: "楼上漏水引发争执", outcome: "双方达成赔偿协议"),
        LegalAidReferral(id: logID, communityID: "c01", adviserID: "a017", date: "2026-03-07",
                         summary: "农民工追索劳动报酬", status: .accepted),
        GovernanceItem(id: logID, communityID: "c01", adviserID: "a017", date: "2026-03-08", kind: .rules,
                       summary: "审查居民公约修订稿"),
        Lecture(id: logID, communityID: "c01", adviserID: "a017", date: "2026-03-09", topic: "民法典进社区",
                attendees: 45),
        Commission(id: logID, communityID: "c01", adviserID: "a017", date: "2026-03-10", kind: .litigation,
                   summary: "代理物业服务合同纠纷诉讼"),
        IncidentReport(id: logID, communityID: "c01", adviserID: "a017", date: "2026-03-11", level: .mass,
                       summary: "动迁安置补偿引发集体上访苗头"),
        LegalCase(id: logID, communityID: "c01", adviserID: "a017", date: "2026-03-12", title: "王某继承纠纷",
                  status: .inProgress),
        CaseNote(id: logID, communityID: "c01", adviserID: "a017", date: "2026-03-13", caseID: caseID,
                 note: "已约见当事人，收集房产证复印件"),
    ]

    static let minimal: [any TypedRecord] = [
        Community(id: community, name: "东滩村", kind: .village),
        Adviser(id: adviser, name: "李娜", kind: .volunteer),
        Appointment(id: .code("p002"), adviserID: "a017", communityID: "c01", start: "2024-02-29"),
        Visit(id: logID, communityID: "c01", adviserID: "a017", date: "2026-03-05", hours: 2),
        Consultation(id: logID, communityID: "c01", adviserID: "a017", date: "2026-03-05", topic: "劳动争议",
                     question: "公司不签劳动合同怎么办？"),
        Mediation(id: logID, communityID: "c01", adviserID: "a017", date: "2026-03-06", category: "家庭纠纷",
                  summary: "赡养老人费用分担"),
        LegalAidReferral(id: logID, communityID: "c01", adviserID: "a017", date: "2026-03-07",
                         summary: "交通事故人身损害赔偿"),
        GovernanceItem(id: logID, communityID: "c01", adviserID: "a017", date: "2026-03-08", kind: .election,
                       summary: "居委会换届选举程序"),
        Lecture(id: logID, communityID: "c01", adviserID: "a017", date: "2026-03-09", topic: "防范电信诈骗",
                attendees: 0),
        Commission(id: logID, communityID: "c01", adviserID: "a017", date: "2026-03-10", kind: .document,
                   summary: "代写遗嘱"),
        IncidentReport(id: logID, communityID: "c01", adviserID: "a017", date: "2026-03-11", level: .major,
                       summary: "小区围墙倒塌"),
        LegalCase(id: logID, communityID: "c01", adviserID: "a017", date: "2026-03-12", title: "租赁合同纠纷",
                  status: .open),
        CaseNote(id: logID, communityID: "c01", adviserID: "a017", date: "2026-03-13", caseID: caseID,
                 note: "结案"),
    ]

    /// The full and minimal samples of `kind`.
    static func of(_ kind: RecordKind) -> [any TypedRecord] {
        (full + minimal).filter { type(of: $0).kind == kind }
    }
}

/// Checks that `value` survives a trip through its field values, and that those values fit
/// its kind: known fields only, every required field present, no nulls, right types.
private func checkRoundTrip<T: TypedRecord>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let values = value.fieldValues
    let decoded = try T(id: value.id, fieldValues: values)
    #expect(decoded == value, sourceLocation: sourceLocation)

    let fields = T.kind.fields
    let names = Set(fields.map(\.name))
    for (key, fieldValue) in values {
        #expect(names.contains(key), "\(key) is not a field of \(T.kind)", sourceLocation: sourceLocation)
        #expect(!fieldValue.isNull, "\(key) is written as null", sourceLocation: sourceLocation)
        if let spec = fields.first(where: { $0.name == key }) {
            #expect(spec.type.accepts(fieldValue), "\(key) = \(fieldValue) does not fit \(spec.type)",
                    sourceLocation: sourceLocation)
        }
    }
    for field in fields where field.required {
        #expect(values[field.name] != nil, "required \(field.name) is missing", sourceLocation: sourceLocation)
    }
}

/// Checks that dropping each required field of `value` makes decoding throw an error naming it.
private func checkMissingRequired<T: TypedRecord>(_ value: T) {
    for field in T.kind.fields where field.required {
        var values = value.fieldValues
        values[field.name] = nil
        let error = #expect(throws: RecordDecodingError.self, "without \(field.name)") {
            _ = try T(id: value.id, fieldValues: values)
        }
        #expect(error?.field == field.name)
        #expect(error?.kind == T.kind)
        #expect(error?.id == value.id)
    }
}

@Suite("Record round trips")
struct RecordRoundTripTests {
    @Test("The samples cover every kind, in full and minimal form")
    func samplesCoverEveryKind() {
        #expect(Samples.full.map { type(of: $0).kind } == RecordKind.allCases)
        #expect(Samples.minimal.map { type(of: $0).kind } == RecordKind.allCases)
    }

    @Test("A full sample writes every field of its kind")
    func fullSamplesWriteEveryField() {
        for value in Samples.full {
            let kind = type(of: value).kind
            #expect(Set(value.fieldValues.keys) == Set(kind.fields.map(\.name)), "\(kind)")
        }
    }

    @Test("A minimal sample writes only the required fields")
    func minimalSamplesWriteRequiredFields() {
        for value in Samples.minimal {
            let kind = type(of: value).kind
            #expect(Set(value.fieldValues.keys) == Set(kind.fields.filter(\.required).map(\.name)), "\(kind)")
        }
    }

    @Test func community() throws {
        for value in Samples.of(.community) { try checkRoundTrip(try #require(value as? Community)) }
    }

    @Test func adviser() throws {
        for value in Samples.of(.adviser) { try checkRoundTrip(try #require(value as? Adviser)) }
    }

    @Test func appointment() throws {
        for value in Samples.of(.appointment) { try checkRoundTrip(try #require(value as? Appointment)) }
    }

    @Test func visit() throws {
        for value in Samples.of(.visit) { try checkRoundTrip(try #require(value as? Visit)) }
    }

    @Test func consultation() throws {
        for value in Samples.of(.consultation) { try checkRoundTrip(try #require(value as? Consultation)) }
    }

    @Test func mediation() throws {
        for value in Samples.of(.mediation) { try checkRoundTrip(try #require(value as? Mediation)) }
    }

    @Test func legalAidReferral() throws {
        for value in Samples.of(.legalAid) { try checkRoundTrip(try #require(value as? LegalAidReferral)) }
    }

    @Test func governanceItem() throws {
        for value in Samples.of(.governance) { try checkRoundTrip(try #require(value as? GovernanceItem)) }
    }

    @Test func lecture() throws {
        for value in Samples.of(.lecture) { try checkRoundTrip(try #require(value as? Lecture)) }
    }

    @Test func commission() throws {
        for value in Samples.of(.commission) { try checkRoundTrip(try #require(value as? Commission)) }
    }

    @Test func incidentReport() throws {
        for value in Samples.of(.incident) { try checkRoundTrip(try #require(value as? IncidentReport)) }
    }

    @Test func legalCase() throws {
        for value in Samples.of(.legalCase) { try checkRoundTrip(try #require(value as? LegalCase)) }
    }

    @Test func caseNote() throws {
        for value in Samples.of(.caseNote) { try checkRoundTrip(try #require(value as? CaseNote)) }
    }

    @Test("A missing required field throws an error naming it", arguments: RecordKind.allCases)
    func missingRequiredFieldThrows(kind: RecordKind) throws {
        let value = try #require(Samples.full.first { type(of: $0).kind == kind })
        checkMissingRequired(value)
    }

    @Test("A false flag is omitted, and a stored 0 reads as false")
    func falseFlag() throws {
        let value = Consultation(id: Samples.logID, communityID: "c01", adviserID: "a017", date: "2026-03-05",
                                 topic: "物业纠纷", question: "物业费可以拒交吗？", hard: false)
        #expect(value.fieldValues["hard"] == nil)
        var values = value.fieldValues
        values["hard"] = .integer(0)
        #expect(try Consultation(id: value.id, fieldValues: values) == value)
    }

    @Test("An unknown choice is rejected, naming the field")
    func unknownChoiceThrows() {
        var values = LegalCase(id: Samples.logID, communityID: "c01", adviserID: "a017", date: "2026-03-12",
                               title: "借款纠纷", status: .closed).fieldValues
        values["status"] = .text("已结案")
        let error = #expect(throws: RecordDecodingError.self) {
            _ = try LegalCase(id: Samples.logID, fieldValues: values)
        }
        #expect(error?.field == "status")
    }
}

@Suite("Record kinds")
struct RecordKindTests {
    @Test("Field names are unique within each kind", arguments: RecordKind.allCases)
    func uniqueFieldNames(kind: RecordKind) {
        let names = kind.fields.map(\.name)
        #expect(Set(names).count == names.count)
    }

    @Test("isDate accepts real YYYY-MM-DD dates only")
    func isDate() {
        #expect(FieldType.isDate("2024-02-29"))
        #expect(!FieldType.isDate("2023-02-29"))
        #expect(!FieldType.isDate("2026-13-01"))
        #expect(!FieldType.isDate("2026-1-01"))
        for date in ["2000-02-29", "2026-04-30", "2026-12-31", "2026-01-01", "0001-01-31"] {
            #expect(FieldType.isDate(date), "\(date)")
        }
        for notDate in ["1900-02-29", "2026-04-31", "2026-00-10", "2026-01-00", "20a6-01-01", "2026/01/01", "2026-01-010",
                        "２０２６-01-01", ""] {
            #expect(!FieldType.isDate(notDate), "\(notDate)")
        }
    }

    @Test("each field type accepts exactly the values it stores, and null")
    func acceptedValues() {
        let values: [String: FieldValue] = [
            "null": .null, "zero": .integer(0), "one": .integer(1), "two": .integer(2), "real": .real(1.5),
            "text": .text("村规民约"), "date": .text("2026-11-28"), "word": .text("yes"),
            "long": .text(String(repeating: "法", count: 100)),
        ]
        let accepted: [(FieldType, Set<String>)] = [
            (.text, ["null", "text", "date", "word", "long"]),
            (.reference, ["null", "text", "date", "word"]),  // at most 256 bytes: "long" is 300
            (.integer, ["null", "zero", "one", "two"]),
            (.real, ["null", "zero", "one", "two", "real"]),
            (.boolean, ["null", "zero", "one"]),
            (.date, ["null", "date"]),
            (.choice(["yes", "no"]), ["null", "word"]),
        ]
        for (type, names) in accepted {
            for (name, value) in values {
                #expect(type.accepts(value) == names.contains(name), "\(type) and \(name)")
            }
        }
    }
}
