import FaguCLI
import FaguHubCommands

await CommandRunner.runAsync(HubCommand.self, name: "fagu-hub")
