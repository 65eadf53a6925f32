import ArgumentParser
import FaguCLI
import FaguDomain
import FaguModel
import FaguStore
import Foundation

/// `fagu resolve ID --field NAME --value VALUE`: decide a conflict.
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve", abstract: "Decide an open conflict by writing the value to keep (解决冲突).")

    @Argument(help: "The record's id.")
    var id: String
    @Option(name: .long, help: ArgumentHelp("The field in conflict.", valueName: "NAME"))
    var field: String
    @Option(name: .long, help: ArgumentHelp("The value to keep, or its number as `fagu conflicts` lists it.", valueName: "VALUE|N"))
    var value: String

    @OptionGroup var options: DeviceOptions

    func run() throws {
        let language = options.language
        let device = try options.openDevice()
        let recordID = try RecordReference.resolve(id, on: device.replica, language).id
        try failing(language) {
            guard let conflict = try device.replica.openConflicts().first(where: { $0.record == recordID && $0.field == field }) else {
                throw CommandFailure(language.text(Catalogue.noOpenConflict(id, on: field)))
            }
            guard let spec = conflict.kind.fields.first(where: { $0.name == field }) else {
                throw CommandFailure(language.text(Catalogue.unknownField(field)))
            }
            let typed: FieldValue
            let entries = conflict.register.entries
            switch spec.type.sqlType {
            case _ where !["INTEGER", "REAL"].contains(spec.type.sqlType) && Int(value).map({ (1...entries.count).contains($0) }) == true:
                // A text field's value given by its number in `fagu conflicts`.
                typed = entries[Int(value)! - 1].value
            case "INTEGER":
                guard let integer = Int64(value) else { throw CommandFailure(language.text(Catalogue.takesWholeNumber(field)), exitCode: 2) }
                typed = .integer(integer)
            case "REAL":
                guard let real = Double(value) else { throw CommandFailure(language.text(Catalogue.takesNumber(field)), exitCode: 2) }
                typed = .real(real)
            default:
                typed = .text(value)
            }
            try device.replica.write { try $0.update(conflict.kind, id: recordID, fields: [field: typed]) }
        }
        try WrittenRecord.report(recordID, options)
    }
}
