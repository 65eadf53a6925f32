import FaguCLI
import FaguDomain
import FaguModel

/// A later change to one logged record named on the command line (an answer, a referral's
/// outcome): found by its id or a unique part of it, checked like new work of its community
/// and date, written, and its id printed.
enum WorkUpdate {
    static func write<Record: LoggedWork>(_ type: Record.Type, _ reference: String, fields: [String: FieldValue],
                                          options: DeviceOptions) throws {
        let language = options.language
        let device = try options.openDevice()
        let id = try RecordReference.resolve(reference, kind: Record.kind, on: device.replica, language).id
        guard let record = try failing(language, { try device.replica.fetch(Record.self, id: id) }) else {
            throw CommandFailure(language.text(Catalogue.noLoggedWork(Record.kind, reference)), exitCode: 2)
        }
        try WriteChecks.work(in: record.communityID, dated: record.date, on: device, language)
        _ = try failing(language) { try device.replica.write { try $0.update(Record.kind, id: id, fields: fields) } }
        try WrittenRecord.report(id, options)
    }
}
