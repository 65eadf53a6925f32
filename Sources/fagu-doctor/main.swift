import FaguCLI
import FaguDoctor

await CommandRunner.runAsync(DoctorCommand.self, name: "fagu-doctor")
