import ArgumentParser
import FaguCLI
import FaguDomain
import FaguModel
import FaguRoster
import FaguSync
import Foundation

/// `fagu-hub roster …`.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster", abstract: "Manage the district roster (名册).", subcommands: [RosterImportCommand.self])
}

/// `fagu-hub roster import`: communities, advisers and appointments from CSV.
struct RosterImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import communities, advisers and appointments from CSV files (导入名册).",
        discussion: """
            UTF-8 CSV with a header row; extra columns are ignored. Every row is checked; when any \
            row has an error, every problem is listed (file, line, field) and nothing is imported. \
            Warnings (DOMAIN R2: more than 3 communities; R7: qualifications; R9: missing contact \
            or service hours) are shown but do not stop the import.
              communities:  id,name,kind,judicial_office
              advisers:     id,name,kind,organization,phone,practice_since,education
              appointments: adviser_id,community_id,start,end,annual_fee_cny,service_hours
            """)

    @Option(name: .long, help: ArgumentHelp("Communities CSV.", valueName: "F.csv")) var communities: String?
    @Option(name: .long, help: ArgumentHelp("Advisers CSV.", valueName: "F.csv")) var advisers: String?
    @Option(name: .long, help: ArgumentHelp("Appointments CSV.", valueName: "F.csv")) var appointments: String?
    @Option(name: .long, help: ArgumentHelp("The day R2 counts active appointments on (default today).", valueName: "YYYY-MM-DD"))
    var today: String?

    @OptionGroup var options: HubOptions

    struct Problem: Encodable {
        var file: String
        var line: Int
        var field: String?
        var code: String
        var rule: String?
        var message: String
    }

    struct Output: Encodable {
        var imported: Bool
        var created: Int
        var updated: Int
        var unchanged: Int
        var errors: [Problem]
        var warnings: [Problem]
    }

    func run() throws {
        let language = options.language
        guard communities != nil || advisers != nil || appointments != nil else {
            throw CommandFailure(language.text(Catalogue.Hub.rosterNeedsFile), exitCode: 2)
        }
        let day = today ?? CalendarDate.today()
        guard CalendarDate.isValid(day) else { throw CommandFailure(language.text(Catalogue.Hub.todayInvalid), exitCode: 2) }
        func load(_ path: String?) throws -> RosterFile? {
            try path.map { path in
                do { return try RosterFile(contentsOfFile: path) } catch {
                    throw CommandFailure(language.text(Catalogue.cannotRead(path)), exitCode: 2)
                }
            }
        }
        let files = (try load(communities), try load(advisers), try load(appointments))
        let hub = try options.openHub()
        let result = try failing(language) { () -> (RosterImport, Hub.RosterWrite?) in
            let known = try hub.replica.records(.community).map(\.id.description)
            let knownAdvisers = try hub.replica.records(.adviser).map(\.id.description)
            let existing = try hub.replica.typedRecords(Appointment.self)
            let read = RosterReader.read(communities: files.0, advisers: files.1, appointments: files.2,
                                         knownCommunities: Set(known), knownAdvisers: Set(knownAdvisers),
                                         existingAppointments: existing, today: day)
            guard !read.hasErrors else { return (read, nil) }
            return (read, try hub.writeRoster(communities: read.communities, advisers: read.advisers,
                                              appointments: read.appointments))
        }
        let (read, written) = result
        let describe: (RosterProblem) -> Problem = { problem in
            Problem(file: problem.file, line: problem.line, field: problem.field, code: problem.code.rawValue,
                    rule: problem.code.rule, message: language.text(problem.catalogueText))
        }
        let output = Output(imported: written != nil, created: written?.created ?? 0, updated: written?.updated ?? 0,
                            unchanged: written?.unchanged ?? 0, errors: read.errors.map(describe),
                            warnings: read.warnings.map(describe))
        if options.output.json {
            try JSONOutput.print(output)
        } else {
            for problem in read.warnings {
                FileHandle.standardError.write(Data((language.text(Catalogue.Hub.rosterWarning(problem.locatedText)) + "\n").utf8))
            }
            for problem in read.errors {
                FileHandle.standardError.write(Data((language.text(Catalogue.Hub.rosterError(problem.locatedText)) + "\n").utf8))
            }
            if written != nil {
                print(language.text(Catalogue.Hub.rosterImported(created: output.created, updated: output.updated,
                                                                 unchanged: output.unchanged, warnings: output.warnings.count)))
            }
        }
        if !read.errors.isEmpty {
            throw CommandFailure(language.text(Catalogue.Hub.rosterRefused(errors: read.errors.count)))
        }
    }
}
