import ArgumentParser
import FaguCLI
import FaguModel
import FaguSync

/// What every duty command takes: where the work was, when, and — on an office device —
/// whose work it is.
struct DutyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The community's code, e.g. c01 (社区编号).", valueName: "ID"))
    var community: String
    @Option(name: .long, help: ArgumentHelp("The day of the work (default: today in Shanghai; work is often logged later).",
                                            valueName: "YYYY-MM-DD"))
    var date: String?
    @Option(name: .long, help: ArgumentHelp("On an office device: the adviser whose work it is.", valueName: "ID"))
    var adviser: String?

    /// The checked day of the work: a real date, not after today.
    func day(_ language: Language) throws -> String {
        let today = CalendarDate.today()
        let day = date ?? today
        try WriteChecks.date(day, language)
        guard day <= today else {
            throw CommandFailure(language.text(Catalogue.dateAfterToday(day, today: today)), exitCode: 2)
        }
        return day
    }

    /// Writes the record `make` builds from its new id, the day of the work and the adviser,
    /// once the device may write it, and prints its id.
    func log<Record: TypedRecord>(_ options: DeviceOptions, _ make: (RecordID, String, String) -> Record) throws {
        let (device, day, adviser) = try checked(options)
        let id = try failing(options.language) { try device.replica.write { transaction in try transaction.insert(make(transaction.newRecordID(), day, adviser)) } }
        try WrittenRecord.report(id, options)
    }

    /// The device, the day and the adviser, once the device may write this work.
    func checked(_ options: DeviceOptions) throws -> (device: FieldReplica, day: String, adviser: String) {
        let language = options.language
        let day = try day(language)
        let device = try options.openDevice()
        try WriteChecks.work(in: community, dated: day, on: device, language)
        let adviserID = try WriteChecks.adviser(adviser, on: device, dated: day, language)
        return (device, day, adviserID)
    }
}
