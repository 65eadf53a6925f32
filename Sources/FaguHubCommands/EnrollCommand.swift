import ArgumentParser
import FaguCLI
import FaguStore
import FaguSync
import Foundation

/// `fagu-hub enroll (--adviser ID | --community ID) --out FILE`.
struct EnrollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll", abstract: "Issue an enrollment file for one adviser's device or one community office (登记设备).",
        discussion: """
            The file holds the new device's identity and communities, the hub's address and public \
            key, and a one-time token; the device joins with `fagu init --enroll FILE`. Hand it \
            over privately: whoever uses the token first registers their key.
            """)

    @Option(name: .long, help: ArgumentHelp("An adviser's code: the device sees the communities the adviser serves.", valueName: "ID"))
    var adviser: String?
    @Option(name: .long, help: ArgumentHelp("A community's code: the office device sees that community.", valueName: "ID"))
    var community: String?
    @Option(name: .long, help: ArgumentHelp("Where to write the enrollment file.", valueName: "FILE"))
    var out: String
    @Option(name: .long, help: ArgumentHelp("The address devices reach the hub at.", valueName: "URL"))
    var hubUrl: String = "http://127.0.0.1:8080"
    @Option(name: .long, help: ArgumentHelp("Days the file's one-time token is accepted (default 14).", valueName: "N"))
    var validDays: Int = Hub.defaultTokenDays

    @OptionGroup var options: HubOptions

    struct Output: Encodable {
        var file: String
        var replica: String
        var role: String
        var subject: String
        var scopes: [String]
    }

    func validate() throws {
        guard (adviser == nil) != (community == nil) else {
            throw ValidationError(options.language.text(Catalogue.Hub.enrollOneSubject))
        }
        guard validDays >= 1 else { throw ValidationError(options.language.text(Catalogue.Hub.validDaysAtLeastOne)) }
    }

    func run() throws {
        let hub = try options.openHub()
        let (role, subject): (DeviceRole, String) = adviser.map { (.adviser, $0) } ?? (.office, community!)
        let language = options.language
        guard !FileManager.default.fileExists(atPath: out) else {
            throw CommandFailure(language.text(Catalogue.alreadyExists(out)), exitCode: 2)
        }
        let folder = (out as NSString).deletingLastPathComponent
        guard FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) else {
            throw CommandFailure(language.text(Catalogue.cannotWrite(out)), exitCode: 2)
        }
        guard let url = URL(string: hubUrl), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw CommandFailure(language.text(Catalogue.Hub.hubURLInvalid), exitCode: 2)
        }
        let enrollment = try failing(language) {
            let enrollment = try hub.enroll(role, subject: subject, hubURL: hubUrl, today: CalendarDate.today(),
                                            validDays: validDays)
            do {
                try enrollment.write(to: out)
            } catch {
                // No file, no device: nobody holds its token.
                _ = try? hub.revoke(enrollment.replica)
                throw error
            }
            return enrollment
        }
        let output = Output(file: out, replica: enrollment.replica, role: enrollment.role, subject: subject,
                            scopes: enrollment.scopes)
        if options.output.json { return try JSONOutput.print(output) }
        let communities = enrollment.scopes.filter { $0 != "roster" }.joined(separator: ", ")
        print(language.text(Catalogue.Hub.enrolled(subject, file: out, device: enrollment.replica, communities: communities)))
    }
}
