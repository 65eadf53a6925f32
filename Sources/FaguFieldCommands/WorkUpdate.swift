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
        guard let record = try failing({ try device.replica.fetch(Record.self, id: id) }) else {
            throw CommandFailure(language.text(zh: "本设备上没有\(Record.kind.chineseName)记录 \(reference)",
                                               en: "no \(Record.kind.rawValue) \(reference) on this device"), exitCode: 2)
        }
        try WriteChecks.work(in: record.communityID, dated: record.date, on: device, language)
        _ = try failing { try device.replica.write { try $0.update(Record.kind, id: id, fields: fields) } }
        try WrittenRecord.report(id, options)
    }
}
