import ArgumentParser
import FaguCLI
import FaguSync
import Foundation

/// `fagu recover --enroll FILE`: re-enroll a forked device under a new identity, keeping its work.
struct RecoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Re-enroll a device whose identity another copy used, keeping all its work (恢复).",
        discussion: """
            When this device's home was copied to another machine, or restored from a backup, \
            the hub refuses it with replica_forked and the device stops writing. Ask the hub \
            for a new enrollment file for the same adviser or office, then run this: the work \
            the hub never confirmed is written again under the new identity, everything else \
            is carried over, and the old replica is kept in HOME/forked-<id>/. Then sync.
            """)

    @Option(name: .long, help: ArgumentHelp("A new enrollment file from `fagu-hub enroll`.", valueName: "FILE"))
    var enroll: String

    @OptionGroup var options: DeviceOptions

    struct Output: Encodable {
        var replica: String
        var keptAt: String
        var carriedGroups: Int
        var rewrittenGroups: Int
    }

    func run() throws {
        let language = options.language
        let enrollment = try failing { try Enrollment.read(from: enroll) }
        let recovery = try failing { try FieldReplica.recover(home: options.homePath, enrollment: enrollment) }
        let output = Output(replica: recovery.newReplica.description, keptAt: recovery.keptAt,
                            carriedGroups: recovery.carriedGroups, rewrittenGroups: recovery.rewrittenGroups)
        if options.output.json { return try JSONOutput.print(output) }
        print(language.text(
            zh: "已恢复为新设备 \(output.replica)：重写未确认的变更 \(output.rewrittenGroups) 组，沿用 \(output.carriedGroups) 组；旧副本保存在 \(output.keptAt)",
            en: "recovered as device \(output.replica): \(output.rewrittenGroups) unconfirmed group(s) written again, "
                + "\(output.carriedGroups) carried over; the old replica is kept in \(output.keptAt)"))
        print(language.text(zh: "请运行 fagu sync（或 fagu export）", en: "now run fagu sync (or fagu export)"))
    }
}
