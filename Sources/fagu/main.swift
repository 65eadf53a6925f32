import FaguCLI
import FaguFieldCommands

await CommandRunner.runAsync(FieldCommand.self, name: "fagu")
