import ArgumentParser
import FaguCLI

/// `fagu`: the field client of an adviser's laptop or a community office.
public struct FieldCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fagu",
        abstract: "Fagu field client: log legal-adviser work offline and sync it with the district hub (法顾).",
        discussion: """
            Everything works without a network; `fagu sync` (network) or `fagu export` / \
            `fagu import` (USB stick) exchange changes with the hub. The replica lives in \
            --home, else $FAGU_HOME, else ~/.fagu. Every command takes --json and --lang zh|en.
            """,
        version: FaguVersion.description,
        subcommands: [InitCommand.self, StatusCommand.self, LogCommand.self, ConsultCommand.self, MediationCommand.self,
                      AidCommand.self, GovernanceCommand.self, LectureCommand.self, CommissionCommand.self,
                      IncidentCommand.self, CaseCommand.self, ListCommand.self,
                      ShowCommand.self, ConflictsCommand.self, ResolveCommand.self, SyncCommand.self,
                      ExportCommand.self, ImportCommand.self, SetAsideCommand.self, RecoverCommand.self,
                      DeviceBackupCommand.self, DeviceRestoreCommand.self])

    public init() {}
}
