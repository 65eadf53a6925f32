import ArgumentParser
import FaguCLI

/// `fagu-hub`: the district hub.
public struct HubCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fagu-hub",
        abstract: "Fagu district hub: roster, device enrollment, sync server and nightly merge (辖区中心).",
        discussion: """
            The hub holds the whole district and is the only writer of the roster. Its home is \
            --home, else $FAGU_HUB_HOME, else ~/.fagu-hub. Every command takes --json and --lang zh|en.
            """,
        version: FaguVersion.description,
        subcommands: [HubInitCommand.self, RosterCommand.self, EnrollCommand.self, RevokeCommand.self,
                      DevicesCommand.self, MergeCommand.self, HubListCommand.self, HubShowCommand.self, HubConflictsCommand.self,
                      IncidentsCommand.self, ReportCommand.self, HubSetAsideCommand.self, ForksCommand.self, ServeCommand.self,
                      BackupCommand.self, RestoreCommand.self, ConfigCommand.self])

    public init() {}
}
