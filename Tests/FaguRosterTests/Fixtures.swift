import FaguDomain
import FaguModel
import FaguRoster

/// The day every test judges by, unless it says otherwise.
let today = "2026-11-26"

let communitiesHeader = "id,name,kind,judicial_office"
let advisersHeader = "id,name,kind,organization,phone,practice_since,education"
let appointmentsHeader = "adviser_id,community_id,start,end,annual_fee_cny,service_hours"

/// `communities.csv`: the given lines, each ended by `ending`.
func communities(_ lines: String..., ending: String = "\n") -> RosterFile {
    RosterFile(name: "communities.csv", contents: lines.map { $0 + ending }.joined())
}

/// `advisers.csv`: the given lines, each ended by `ending`.
func advisers(_ lines: String..., ending: String = "\n") -> RosterFile {
    RosterFile(name: "advisers.csv", contents: lines.map { $0 + ending }.joined())
}

/// `appointments.csv`: the given lines, each ended by `ending`.
func appointments(_ lines: String..., ending: String = "\n") -> RosterFile {
    RosterFile(name: "appointments.csv", contents: lines.map { $0 + ending }.joined())
}

/// A fully qualified adviser row, so that only what a test changes can warn.
func qualifiedAdviser(_ id: String, name: String = "王伟") -> String {
    "\(id),\(name),lawyer,上海某某律师事务所,021-5838 0000,2010,bachelor"
}

/// An open-ended appointment row with service hours, so that only what a test changes can warn.
func appointment(_ adviser: String, _ community: String, start: String = "2026-01-01", end: String = "") -> String {
    "\(adviser),\(community),\(start),\(end),20000,每周二 14:00–17:00"
}

/// An appointment already on the hub.
func existing(_ adviser: String, _ community: String, start: String = "2025-01-01", end: String? = nil)
    -> Appointment {
    Appointment(id: .code("\(adviser)@\(community)@\(start)"), adviserID: adviser, communityID: community,
                start: start, end: end, serviceHours: "每周一上午")
}

/// A problem reduced to where it is and what kind, for comparing.
struct Located: Hashable, Sendable, CustomStringConvertible {
    var file: String
    var line: Int
    var field: String?
    var code: RosterProblem.Code

    init(_ file: String, _ line: Int, _ field: String?, _ code: RosterProblem.Code) {
        self.file = file
        self.line = line
        self.field = field
        self.code = code
    }

    init(_ problem: RosterProblem) {
        self.init(problem.file, problem.line, problem.field, problem.code)
    }

    var description: String { "\(file):\(line): \(field ?? "-"): \(code)" }
}

extension RosterImport {
    /// The errors, reduced to place and kind.
    var errorPlaces: [Located] { errors.map(Located.init) }
    /// The warnings, reduced to place and kind.
    var warningPlaces: [Located] { warnings.map(Located.init) }
}
