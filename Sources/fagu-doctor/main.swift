import FaguCLI
import FaguDoctor

CommandRunner.run(DoctorCommand.self, name: "fagu-doctor")
