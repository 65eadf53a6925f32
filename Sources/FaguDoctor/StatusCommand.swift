import ArgumentParser
import FaguCLI
import Foundation

/// `fagu-doctor status --home DIR`: where a device's or a hub's sync stands.
public struct StatusCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Where a device's or hub's sync stands: vectors, unacknowledged work, held-back and set-aside groups (状态).",
        discussion: """
            For any home: identity, role, scopes with their version vectors, groups held back \
            waiting for dependencies (and the dots they wait for), groups set aside by code, the \
            last sync attempts and open conflicts. A device adds its own changes the hub has not \
            acknowledged (count and oldest, per scope); a hub adds every device with its last \
            sync, its lag (own changes it reported holding that the hub lacks) and the devices \
            silent for more than --silent-days. Reads only; safe beside a running hub.
            """)

    /// The home to report on.
    @Option(name: .long, help: ArgumentHelp("The device's or hub's home folder.", valueName: "DIR"))
    public var home: String

    /// Days without a sync after which a device is listed as silent.
    @Option(name: .long, help: ArgumentHelp("List devices not seen for more than this many days (hub).", valueName: "N"))
    public var silentDays = 14

    @OptionGroup public var output: OutputOptions

    public init() {}

    public func validate() throws {
        guard silentDays >= 0 else { throw ValidationError("--silent-days must be 0 or more") }
    }

    public func run() throws {
        let language = output.language
        let home = try DoctorHome(home, language)
        let report = try failing(language) { try home.replica.inSnapshot { try StatusReport(of: home, silentDays: silentDays) } }
        if output.json { return try JSONOutput.print(report) }
        func line(_ label: Localized, _ value: String) { print(language.text(label) + (language == .zh ? "：" : ": ") + value) }
        line(Catalogue.statusIdentity, "\(report.replica) (\(report.district ?? "?"))")
        line(Catalogue.statusRole, report.role + (report.subject.map { " \($0)" } ?? ""))
        print(language.text(Catalogue.statusVectors))
        for scope in report.scopes {
            let writers = scope.vector.count
            let total = scope.vector.values.reduce(0, +)
            var text = "  \(scope.scope): \(writers) writer(s), \(total) change(s)"
            if let own = scope.vector[report.replica] { text += ", own \(own)" }
            if let pending = scope.unacknowledged, pending > 0 {
                text += " — " + language.text(Catalogue.statusUnacknowledged) + " \(pending)"
                    + (scope.oldestUnacknowledged.map { " (\(ShanghaiTime.display($0)))" } ?? "")
            }
            print(text)
        }
        line(Catalogue.statusHeldBack, report.heldBack.isEmpty ? language.text(Catalogue.statusNone) : "\(report.heldBack.count)")
        for held in report.heldBack.prefix(10) {
            print("  \(held.scope) \(held.group) \(held.kind) \(held.record) — "
                  + language.text(Catalogue.statusWaitingFor(held.waitingFor.prefix(5).joined(separator: ", "))))
        }
        line(Catalogue.statusSetAside, report.setAside == 0 ? language.text(Catalogue.statusNone)
             : report.setAsideByCode.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        line(Catalogue.statusConflicts, "\(report.openConflicts)")
        print(language.text(Catalogue.statusAttempts))
        if report.lastAttempts.isEmpty { print("  " + language.text(Catalogue.statusNone)) }
        for attempt in report.lastAttempts {
            print("  \(ShanghaiTime.display(attempt.at)) \(attempt.transport) \(attempt.peer.prefix(24)) "
                  + language.text(attempt.ok ? Catalogue.statusOK : Catalogue.statusFailed)
                  + " ↑\(attempt.sent) ↓\(attempt.received)" + (attempt.ok ? "" : " \(attempt.message)"))
        }
        guard let devices = report.devices else { return }
        print(language.text(Catalogue.statusDevices))
        var table = TextTable(headers: [Catalogue.deviceHeader, Catalogue.subjectHeader, Catalogue.lastSeenHeader, Catalogue.lagHeader,
                                        Catalogue.stateHeader].map(language.text))
        for device in devices {
            var state: [String] = []
            if device.revoked { state.append("revoked") }
            if device.forked { state.append("forked") }
            if device.setAside > 0 { state.append("set aside \(device.setAside)") }
            if device.refused > 0 { state.append("refused \(device.refused)") }
            table.append([String(device.device.prefix(8)), "\(device.role) \(device.subject)",
                          device.lastSeen.map(ShanghaiTime.display) ?? language.text(Catalogue.statusNever), "\(device.lag)",
                          state.joined(separator: ", ")])
        }
        print(table.render())
        if let silent = report.silentDevices, !silent.isEmpty {
            print(language.text(Catalogue.statusSilent(silent.count, silentDays)))
        }
    }
}
