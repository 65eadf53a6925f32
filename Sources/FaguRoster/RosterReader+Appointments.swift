import FaguDomain
import FaguModel

extension RosterReader {
    /// The columns of `appointments.csv`; the first three are required.
    static let appointmentColumns = ["adviser_id", "community_id", "start", "end", "annual_fee_cny", "service_hours",
                                     "over_limit_reason"]

    /// The most characters of `over_limit_reason`: a sentence or two, as a report's table
    /// shows it beside the R2 warning.
    public static let overLimitReasonLimit = 500

    /// The id an appointment gets: `adviser@community@start`, so that importing the same row
    /// twice gives the same record.
    ///
    /// ```swift
    /// RosterReader.appointmentCode(adviserID: "a001", communityID: "c01", start: "2024-01-01")
    /// // "a001@c01@2024-01-01"
    /// ```
    static func appointmentCode(adviserID: String, communityID: String, start: String) -> String {
        "\(adviserID)@\(communityID)@\(start)"
    }

    /// Reads `appointments.csv`: one appointment per row, each naming an adviser and a
    /// community from `advisers` and `communities`; with the R9 warnings of valid rows.
    static func readAppointments(_ file: RosterFile, advisers: ReferenceSource, communities: ReferenceSource,
                                 existing: [RecordID: Appointment]) -> SheetReading<Appointment> {
        let sheet = RosterSheet(file, columns: appointmentColumns, required: ["adviser_id", "community_id", "start"])
        var reading = SheetReading<Appointment>(file: file.name, errors: sheet.errors)
        for var row in sheet.rows {
            let adviserID = row.code("adviser_id")
            let communityID = row.code("community_id")
            let start = row.date("start", required: true)
            let end = row.date("end", required: false)
            let fee = row.wholeNumber("annual_fee_cny")
            let serviceHours = row.optional("service_hours")
            let overLimitReason = row.optional("over_limit_reason", limit: overLimitReasonLimit)
            if let start, let end, end < start {
                row.fail(.endBeforeStart(row.place.field("end"), start: start, end: end))
            }
            if let adviserID {
                switch advisers.resolve(adviserID) {
                case .found: break
                case .rejected(let file): row.fail(.rejectedAdviser(row.place.field("adviser_id"), id: adviserID, file: file))
                case .unknown: row.fail(.unknownAdviser(row.place.field("adviser_id"), id: adviserID))
                }
            }
            if let communityID {
                switch communities.resolve(communityID) {
                case .found: break
                case .rejected(let file):
                    row.fail(.rejectedCommunity(row.place.field("community_id"), id: communityID, file: file))
                case .unknown: row.fail(.unknownCommunity(row.place.field("community_id"), id: communityID))
                }
            }

            var code: String?
            if let adviserID, let communityID, let start {
                let candidate = appointmentCode(adviserID: adviserID, communityID: communityID, start: start)
                if !RecordID.isValidCode(candidate) {
                    row.fail(.appointmentCodeTooLong(row.place, code: candidate))
                } else if let first = reading.claim(candidate, line: row.place.line) {
                    row.fail(.duplicateAppointment(row.place, firstLine: first))
                } else if let held = existing[.code(candidate)],
                          held.adviserID != adviserID || held.communityID != communityID {
                    row.fail(.conflictingID(row.place, id: candidate))
                } else {
                    code = candidate
                }
            }

            reading.errors += row.errors
            guard row.isValid, let code, let adviserID, let communityID, let start else { continue }
            reading.accepted.append((row.place.line,
                                     Appointment(id: .code(code), adviserID: adviserID, communityID: communityID,
                                                 start: start, end: end, annualFeeCNY: fee,
                                                 serviceHours: serviceHours, overLimitReason: overLimitReason)))
            if serviceHours == nil { reading.warnings.append(.noServiceHours(row.place.field("service_hours"))) }
        }
        return reading
    }
}
