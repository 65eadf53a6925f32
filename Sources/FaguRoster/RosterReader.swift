import FaguDomain
import FaguModel

/// Reads the hub's three roster CSV files into communities, advisers and appointments,
/// checking every row. Pure: it takes the files' text and returns records and problems.
///
/// ```swift
/// let result = RosterReader.read(
///     communities: RosterFile(name: "communities.csv", contents: "id,name,kind\nc01,城南居委,residential\n"),
///     advisers: RosterFile(name: "advisers.csv", contents: "id,name,kind,phone\na001,王伟,lawyer,021-1\n"),
///     appointments: RosterFile(name: "appointments.csv",
///                              contents: "adviser_id,community_id,start\na001,c01,2024-01-01\n"),
///     today: "2026-03-01")
/// // result.errors == []
/// // result.appointments[0].id == .code("a001@c01@2024-01-01")
/// // result.warnings: R7 for a001 (no practice year, no education), R9 (no service hours)
/// ```
public enum RosterReader {
    /// Reads whichever of the three roster files are given.
    ///
    /// Each file's rows are checked field by field: required columns and fields, allowed
    /// words, id codes, dates, years and numbers, ids unique within the file, and an
    /// appointment's adviser and community either in the files given or already known. A
    /// file with any error gives no records. Each appointment's id is
    /// `adviser_id@community_id@start`, so importing a file again updates the same records.
    ///
    /// The warnings check the roster rules: R2, an adviser named in the files who would serve
    /// more than 3 communities through appointments active on `today` (no end, or ending on
    /// or after it), counting `existingAppointments` and the new ones (a new one replaces an
    /// existing one with its id); R7, an adviser practising under 2 years by `today`'s year,
    /// or with education `other` or none; R9, an adviser with no phone or an appointment with
    /// no service hours.
    ///
    /// - Parameters:
    ///   - communities: `communities.csv`, or nil when not importing communities.
    ///   - advisers: `advisers.csv`, or nil when not importing advisers.
    ///   - appointments: `appointments.csv`, or nil when not importing appointments.
    ///   - knownCommunities: the ids of the communities already on the hub.
    ///   - knownAdvisers: the ids of the advisers already on the hub.
    ///   - existingAppointments: the appointments already on the hub, for R2.
    ///   - today: the date to judge by, `YYYY-MM-DD`; it must be a valid date.
    /// - Returns: the records, errors and warnings; problems sorted by file, then line.
    /// - Complexity: O(*n* log *n*) in the number of rows and existing appointments.
    public static func read(communities: RosterFile? = nil, advisers: RosterFile? = nil,
                            appointments: RosterFile? = nil, knownCommunities: Set<String> = [],
                            knownAdvisers: Set<String> = [], existingAppointments: [Appointment] = [],
                            today: String) -> RosterImport {
        precondition(FieldType.isDate(today), "today must be a YYYY-MM-DD date")
        let existing = Dictionary(existingAppointments.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        let communityReading = communities.map { readCommunities($0) }
        let adviserReading = advisers.map { readAdvisers($0, today: today) }
        let appointmentReading = appointments.map { file in
            readAppointments(file,
                             advisers: ReferenceSource(known: knownAdvisers, reading: adviserReading),
                             communities: ReferenceSource(known: knownCommunities, reading: communityReading),
                             existing: existing)
        }

        let fileOrder = [communities?.name, advisers?.name, appointments?.name].compactMap { $0 }
        var result = RosterImport()
        result.errors = sorted((communityReading?.errors ?? []) + (adviserReading?.errors ?? [])
                               + (appointmentReading?.errors ?? []), fileOrder: fileOrder)
        result.warnings = sorted((communityReading?.warnings ?? []) + (adviserReading?.warnings ?? [])
                                 + (appointmentReading?.warnings ?? [])
                                 + crowdedAdviserWarnings(advisers: adviserReading, appointments: appointmentReading,
                                                          existing: existing, today: today),
                                 fileOrder: fileOrder)
        if let communityReading, !communityReading.isRejected { result.communities = communityReading.records }
        if let adviserReading, !adviserReading.isRejected { result.advisers = adviserReading.records }
        if let appointmentReading, !appointmentReading.isRejected { result.appointments = appointmentReading.records }
        result.rejectedFiles = [communityReading?.rejectedName, adviserReading?.rejectedName,
                                appointmentReading?.rejectedName].compactMap { $0 }
        return result
    }

    /// `problems` by the files' order, then line, keeping the order found within a line.
    private static func sorted(_ problems: [RosterProblem], fileOrder: [String]) -> [RosterProblem] {
        problems.enumerated().sorted { left, right in
            let leftKey = (fileOrder.firstIndex(of: left.element.file) ?? fileOrder.count, left.element.line, left.offset)
            let rightKey = (fileOrder.firstIndex(of: right.element.file) ?? fileOrder.count, right.element.line,
                            right.offset)
            return leftKey < rightKey
        }.map(\.element)
    }
}

extension SheetReading {
    /// The file's name when it has errors, else nil.
    fileprivate var rejectedName: String? { isRejected ? file : nil }
}
