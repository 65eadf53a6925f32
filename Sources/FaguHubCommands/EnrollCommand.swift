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
            throw ValidationError("give exactly one of --adviser ID or --community ID")
        }
        guard validDays >= 1 else { throw ValidationError("--valid-days must be at least 1") }
    }

    func run() throws {
        let hub = try options.openHub()
        let (role, subject): (DeviceRole, String) = adviser.map { (.adviser, $0) } ?? (.office, community!)
        let language = options.language
        guard !FileManager.default.fileExists(atPath: out) else {
            throw CommandFailure(language.text(zh: "\(out) 已存在", en: "\(out) already exists"), exitCode: 2)
        }
        let folder = (out as NSString).deletingLastPathComponent
        guard FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) else {
            throw CommandFailure(language.text(zh: "无法写入 \(out)", en: "cannot write \(out)"), exitCode: 2)
        }
        guard let url = URL(string: hubUrl), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw CommandFailure(language.text(zh: "--hub-url 须为 http(s)://主机:端口", en: "--hub-url must be http(s)://HOST:PORT"),
                                 exitCode: 2)
        }
        let enrollment = try failing {
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
        print(options.language.text(
            zh: "已为 \(subject) 签发登记文件 \(out)（设备 \(enrollment.replica)，社区 \(enrollment.scopes.filter { $0 != "roster" }.joined(separator: ", "))）",
            en: "enrolled a device for \(subject): \(out) (device \(enrollment.replica), communities \(enrollment.scopes.filter { $0 != "roster" }.joined(separator: ", ")))"))
    }
}
