import ArgumentParser
import FaguCLI
import FaguSync
import FaguWire
import Foundation

/// `fagu export --out PATH`: a change-set file for the hub, to carry on a USB stick.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write this device's changes for the hub to a file, for a USB stick (导出).",
        discussion: """
            The file holds every change of this device the hub has not acknowledged, signed \
            with this device's key. Carrying it twice, or after a later one, is harmless. \
            The hub's nightly merge answers with a reply file for `fagu import`, in the \
            file's format. A hub not yet upgraded to 4.0 reads formats 2 and 3: give it \
            `--format 3` (a hub before 3.0: `--format 2`).
            """)

    @Option(name: .long, help: ArgumentHelp("Where to write the file (a folder gets SUBJECT-YYYYMMDD-HHMMSS-to-hub.fagu).", valueName: "PATH"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("The file's format version: 4 (this release), or 3 or 2 for a hub of an older release.",
                                            valueName: "2|3|4"))
    var format: Int = Int(ChangeSetVersion.current.major)

    @OptionGroup var options: DeviceOptions

    struct Output: Encodable {
        var file: String
        var changes: Int
        var bytes: Int
    }

    func run() throws {
        guard let version = UInt8(exactly: format).flatMap(ChangeSetVersion.init(major:)) else {
            throw CommandFailure(options.language.text(Catalogue.exportFormatUnknown(format)), exitCode: 2)
        }
        let device = try options.openDevice()
        var path = out
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), isDirectory.boolValue {
            // Not SUBJECT-YYYYMMDD.fagu: that is the name of the hub's reply on the same stick.
            // Two exports within one second (a script, an impatient double run) get -2, -3, …
            // rather than a refusal: the first file may still be waiting on the stick.
            let stem = out + "/" + device.subject + "-" + CalendarDate.stamp()
            path = stem + "-to-hub.fagu"
            var number = 2
            while FileManager.default.fileExists(atPath: path) {
                path = stem + "-\(number)-to-hub.fagu"
                number += 1
            }
        }
        let summary = try failing(options.language) { try device.export(to: path, version: version) }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let output = Output(file: path, changes: summary.sentChanges, bytes: bytes)
        if options.output.json { return try JSONOutput.print(output) }
        print(options.language.text(Catalogue.exported(to: path, changes: output.changes, bytes: bytes)))
    }
}
