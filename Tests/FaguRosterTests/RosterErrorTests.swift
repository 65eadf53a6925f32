import FaguDomain
import FaguModel
import FaguRoster
import Testing

/// One bad input and the one error it must give.
struct ErrorCase: CustomTestStringConvertible, Sendable {
    var name: String
    var communities: [String]?
    var advisers: [String]?
    var appointments: [String]?
    var expected: Located

    var testDescription: String { name }

    /// Reads the case, with c01 and a001 already on the hub.
    func read() -> RosterImport {
        func file(_ name: String, _ lines: [String]?) -> RosterFile? {
            lines.map { RosterFile(name: name, contents: $0.map { $0 + "\n" }.joined()) }
        }
        return RosterReader.read(communities: file("communities.csv", communities),
                                 advisers: file("advisers.csv", advisers),
                                 appointments: file("appointments.csv", appointments),
                                 knownCommunities: ["c01"], knownAdvisers: ["a001"], today: today)
    }
}

let errorCases: [ErrorCase] = [
    ErrorCase(name: "a required column missing from the header",
              communities: ["id,name,judicial_office", "c02,连民村,"],
              expected: Located("communities.csv", 1, "kind", .missingColumn)),
    ErrorCase(name: "a column named twice in the header",
              communities: ["id,name,kind,name", "c02,连民村,village,连民"],
              expected: Located("communities.csv", 1, "name", .duplicateColumn)),
    ErrorCase(name: "an empty file",
              advisers: [],
              expected: Located("advisers.csv", 1, nil, .emptyFile)),
    ErrorCase(name: "an empty required field",
              advisers: [advisersHeader, qualifiedAdviser("a002"), "a003,,lawyer,,021-1,2010,master"],
              expected: Located("advisers.csv", 3, "name", .emptyField)),
    ErrorCase(name: "a word that is not one of the choices",
              communities: [communitiesHeader, "c02,连民村,town,"],
              expected: Located("communities.csv", 2, "kind", .invalidChoice)),
    ErrorCase(name: "an optional choice with a bad word",
              advisers: [advisersHeader, "a002,李娜,lawyer,,021-1,2010,本科"],
              expected: Located("advisers.csv", 2, "education", .invalidChoice)),
    ErrorCase(name: "an id that is not a bureau code",
              communities: [communitiesHeader, "c 02,连民村,village,"],
              expected: Located("communities.csv", 2, "id", .invalidCode)),
    ErrorCase(name: "a reference that is not a bureau code",
              appointments: [appointmentsHeader, appointment("a/001", "c01")],
              expected: Located("appointments.csv", 2, "adviser_id", .invalidCode)),
    ErrorCase(name: "a date that does not exist",
              appointments: [appointmentsHeader, appointment("a001", "c01", start: "2026-02-29")],
              expected: Located("appointments.csv", 2, "start", .invalidDate)),
    ErrorCase(name: "a date in another format",
              appointments: [appointmentsHeader, appointment("a001", "c01", end: "2027/12/31")],
              expected: Located("appointments.csv", 2, "end", .invalidDate)),
    ErrorCase(name: "a year that is not four digits",
              advisers: [advisersHeader, "a002,李娜,lawyer,,021-1,98,master"],
              expected: Located("advisers.csv", 2, "practice_since", .invalidYear)),
    ErrorCase(name: "a year after today's",
              advisers: [advisersHeader, "a002,李娜,lawyer,,021-1,2027,master"],
              expected: Located("advisers.csv", 2, "practice_since", .invalidYear)),
    ErrorCase(name: "a fee with a thousands separator",
              appointments: [appointmentsHeader, #"a001,c01,2026-01-01,,"30,000",每周二"#],
              expected: Located("appointments.csv", 2, "annual_fee_cny", .invalidNumber)),
    ErrorCase(name: "a negative fee",
              appointments: [appointmentsHeader, "a001,c01,2026-01-01,,-1,每周二"],
              expected: Located("appointments.csv", 2, "annual_fee_cny", .invalidNumber)),
    ErrorCase(name: "a reason for serving more than 3 communities over 500 characters",
              appointments: ["adviser_id,community_id,start,end,annual_fee_cny,service_hours,over_limit_reason",
                             appointment("a001", "c01") + "," + String(repeating: "理", count: 501)],
              expected: Located("appointments.csv", 2, "over_limit_reason", .textTooLong)),
    ErrorCase(name: "an appointment that ends before it starts",
              appointments: [appointmentsHeader, appointment("a001", "c01", start: "2026-01-01", end: "2025-12-31")],
              expected: Located("appointments.csv", 2, "end", .endBeforeStart)),
    ErrorCase(name: "an id twice in one file",
              communities: [communitiesHeader, "c02,连民村,village,", "c03,星光村,village,", "c02,连民村,village,"],
              expected: Located("communities.csv", 4, "id", .duplicateID)),
    ErrorCase(name: "the same appointment twice in one file",
              appointments: [appointmentsHeader, appointment("a001", "c01"), appointment("a001", "c01")],
              expected: Located("appointments.csv", 3, nil, .duplicateID)),
    ErrorCase(name: "an appointment naming an adviser neither imported nor known",
              appointments: [appointmentsHeader, appointment("a001", "c01"), appointment("a009", "c01")],
              expected: Located("appointments.csv", 3, "adviser_id", .unknownReference)),
    ErrorCase(name: "an appointment naming a community neither imported nor known",
              communities: [communitiesHeader, "c02,连民村,village,"],
              appointments: [appointmentsHeader, appointment("a001", "c02"), appointment("a001", "c09")],
              expected: Located("appointments.csv", 3, "community_id", .unknownReference)),
    ErrorCase(name: "a row with more fields than the header",
              communities: [communitiesHeader, "c02,连民村,village,川沙司法所,浦东分所"],
              expected: Located("communities.csv", 2, nil, .tooManyFields)),
]

@Suite("Rows that are wrong")
struct RosterErrorTests {
    @Test("each kind of error names its file, line and field, and rejects that file", arguments: errorCases)
    func errorNamesItsPlace(_ errorCase: ErrorCase) {
        let result = errorCase.read()
        #expect(result.errorPlaces == [errorCase.expected])
        #expect(result.hasErrors)
        #expect(result.rejectedFiles == [errorCase.expected.file])
        #expect(result.rejects(fileNamed: errorCase.expected.file))
        for problem in result.errors {
            #expect(!problem.isWarning)
            #expect(!problem.english.isEmpty && !problem.chinese.isEmpty)
            #expect(problem.description.hasPrefix("\(problem.file):\(problem.line): "))
        }
        switch errorCase.expected.file {
        case "communities.csv": #expect(result.communities == [])
        case "advisers.csv": #expect(result.advisers == [])
        default: #expect(result.appointments == [])
        }
    }

    @Test("a file with one bad row imports none of its rows; the other files still read")
    func oneBadRowRejectsItsFile() {
        let result = RosterReader.read(
            communities: communities(communitiesHeader, "c01,城南居委,residential,川沙司法所"),
            advisers: advisers(advisersHeader, qualifiedAdviser("a001"), qualifiedAdviser("a002"),
                               "a003,陈晓,lawyer,,021-1,2010,phd"),
            today: today)
        #expect(result.errorPlaces == [Located("advisers.csv", 4, "education", .invalidChoice)])
        #expect(result.hasErrors)
        #expect(result.rejectedFiles == ["advisers.csv"])
        #expect(result.advisers == [])
        #expect(result.communities.map(\.id) == [.code("c01")])
        let message = result.errors[0]
        #expect(message.description == #"advisers.csv:4: education: "phd" is not one of college, bachelor, master, doctor or other"#)
        #expect(message.chineseDescription == #"advisers.csv:4: education: "phd" 不是允许的值（college、bachelor、master、doctor 或 other）"#)
    }

    @Test("an appointment naming an adviser that only a rejected file has is an error too")
    func referenceIntoRejectedFile() {
        let result = RosterReader.read(
            communities: communities(communitiesHeader, "c01,城南居委,residential,川沙司法所"),
            advisers: advisers(advisersHeader, qualifiedAdviser("a001"), "a002,李娜,judge,,021-1,2010,master"),
            appointments: appointments(appointmentsHeader, appointment("a001", "c01"), appointment("a002", "c01")),
            knownAdvisers: ["a002"], today: today)
        // a002 is on the hub already, so only a001 (defined by the rejected file alone) dangles.
        #expect(result.errorPlaces == [
            Located("advisers.csv", 3, "kind", .invalidChoice),
            Located("appointments.csv", 2, "adviser_id", .rejectedReference),
        ])
        #expect(result.rejectedFiles == ["advisers.csv", "appointments.csv"])
        #expect(result.communities.count == 1)
        #expect(result.appointments == [])
    }

    @Test("every row is checked: all errors of a file are reported at once, in line order")
    func everyRowChecked() {
        let result = RosterReader.read(
            appointments: appointments(appointmentsHeader,
                                       "a001,c01,2026-13-01,,x,",
                                       appointment("a001", "c01", start: "2026-02-01"),
                                       ",c01,2026-03-01,,,"),
            knownCommunities: ["c01"], knownAdvisers: ["a001"], today: today)
        #expect(result.errorPlaces == [
            Located("appointments.csv", 2, "start", .invalidDate),
            Located("appointments.csv", 2, "annual_fee_cny", .invalidNumber),
            Located("appointments.csv", 4, "adviser_id", .emptyField),
        ])
    }

    @Test("a missing column is reported once, not as an empty field on every row")
    func missingColumnOnce() {
        let result = RosterReader.read(
            advisers: advisers("id,kind", "a001,lawyer", "a002,volunteer"), today: today)
        #expect(result.errorPlaces == [Located("advisers.csv", 1, "name", .missingColumn)])
    }

    @Test("an appointment whose id is held by another adviser's appointment on the hub conflicts")
    func conflictingID() {
        let held = Appointment(id: .code("a@b@c01@2026-01-01"), adviserID: "a@b", communityID: "c01",
                               start: "2026-01-01")
        let result = RosterReader.read(
            appointments: appointments(appointmentsHeader, appointment("a", "b@c01")),
            knownCommunities: ["b@c01"], knownAdvisers: ["a"], existingAppointments: [held], today: today)
        #expect(result.errorPlaces == [Located("appointments.csv", 2, nil, .conflictingID)])
    }
}
