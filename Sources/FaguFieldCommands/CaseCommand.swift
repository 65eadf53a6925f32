import ArgumentParser
import FaguCLI
import FaguDomain
import FaguModel
import Foundation

/// `fagu case …`: matters followed over time.
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "Open and follow cases (案件).", subcommands: [CaseOpenCommand.self, CaseUpdateCommand.self])
}

/// `fagu case open`: a new case in a community.
struct CaseOpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open a case in a community.")

    @Option(name: .long, help: ArgumentHelp("The community's code.", valueName: "ID"))
    var community: String
    @Option(name: .long, help: ArgumentHelp("A short title.", valueName: "TEXT"))
    var title: String
    @Option(name: .long, help: ArgumentHelp("The day it was opened (default today).", valueName: "YYYY-MM-DD"))
    var date: String?
    @Option(name: .long, help: ArgumentHelp("On an office device: the adviser following it.", valueName: "ID"))
    var adviser: String?

    @OptionGroup var options: DeviceOptions

    func run() throws {
        let language = options.language
        let day = date ?? CalendarDate.today()
        try WriteChecks.date(day, language)
        let title = try WriteChecks.text(self.title, "--title", language)
        let device = try options.openDevice()
        try WriteChecks.work(in: community, dated: day, on: device, language)
        let adviserID = try WriteChecks.adviser(adviser, on: device, dated: day, language)
        let id = try failing(language) {
            try device.replica.write { transaction in
                try transaction.insert(LegalCase(id: transaction.newRecordID(), communityID: community, adviserID: adviserID,
                                                 date: day, title: title, status: .open))
            }
        }
        try WrittenRecord.report(id, options)
    }
}

/// `fagu case update ID`: change a case's status and/or add a note.
struct CaseUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Change a case's status, add a note, or both.",
        discussion: "Setting the status also resolves an open conflict on it.")

    @Argument(help: "The case's id.")
    var id: String
    @Option(name: .long, help: ArgumentHelp("The new status.", valueName: "open|in_progress|mediated|referred|closed"))
    var status: String?
    @Option(name: .long, help: ArgumentHelp("A note added to the case.", valueName: "TEXT"))
    var note: String?

    @OptionGroup var options: DeviceOptions

    func run() throws {
        let language = options.language
        guard status != nil || note != nil else {
            throw CommandFailure(language.text(Catalogue.caseUpdateNeedsChange), exitCode: 2)
        }
        if let status, LegalCase.Status(rawValue: status) == nil {
            throw CommandFailure(language.text(Catalogue.caseStatusUnknown(status)), exitCode: 2)
        }
        let note = try self.note.map { try WriteChecks.text($0, "--note", language) }
        let device = try options.openDevice()
        let recordID = try RecordReference.resolve(id, kind: .legalCase, on: device.replica, language).id
        let adviserID = device.role == .adviser ? device.subject : nil
        try failing(language) {
            guard let stored = try device.replica.record(.legalCase, id: recordID),
                  let community = stored.fields["community_id"]?.text else {
                throw CommandFailure(language.text(Catalogue.noCaseOnDevice(id)))
            }
            try WriteChecks.work(in: community, dated: device.replica.now().shanghaiDay, on: device, language)
            try device.replica.write { transaction in
                if let status { try transaction.update(.legalCase, id: recordID, fields: ["status": .text(status)]) }
                if let note {
                    try transaction.insert(CaseNote(id: transaction.newRecordID(), communityID: community,
                                                    adviserID: adviserID ?? stored.fields["adviser_id"]?.text ?? "office",
                                                    date: CalendarDate.today(), caseID: recordID.description, note: note))
                }
            }
        }
        try WrittenRecord.report(recordID, options)
    }
}
