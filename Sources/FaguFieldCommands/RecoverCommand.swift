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
        let enrollment = try failing(language) { try Enrollment.read(from: enroll) }
        let recovery = try failing(language) { try FieldReplica.recover(home: options.homePath, enrollment: enrollment) }
        let output = Output(replica: recovery.newReplica.description, keptAt: recovery.keptAt,
                            carriedGroups: recovery.carriedGroups, rewrittenGroups: recovery.rewrittenGroups)
        if options.output.json { return try JSONOutput.print(output) }
        print(language.text(Catalogue.recovered(as: output.replica, rewritten: output.rewrittenGroups, carried: output.carriedGroups,
                                                keptAt: output.keptAt)))
        print(language.text(Catalogue.syncAfterRecovering))
    }
}
