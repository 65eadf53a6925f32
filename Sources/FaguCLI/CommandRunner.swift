import ArgumentParser
import Foundation

/// Runs a command tree as an executable: help and usage errors as swift-argument-parser
/// prints them, a ``CommandFailure`` as one line on stderr with its exit code.
public enum CommandRunner {
    /// Parses the process arguments, runs the command (awaiting it when it is async), and exits.
    public static func runAsync<Root: ParsableCommand>(_ root: Root.Type, name: String,
                                                       arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        // Swift would quietly turn bytes that are not UTF-8 into U+FFFD and store that.
        for index in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[index], String(validatingCString: raw) == nil else { continue }
            FileHandle.standardError.write(Data("\(name): argument \(index) is not valid UTF-8; nothing was changed\n".utf8))
            exit(2)
        }
        do {
            var command = try root.parseAsRoot(joiningNegativeNumbers(arguments))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(0)
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("\(name): \(failure.message)\n".utf8))
            exit(failure.exitCode)
        } catch {
            root.exit(withError: error)
        }
    }

    /// `--hours -1` as `--hours=-1`: the parser would take `-1` for an option and print a
    /// usage error, where the command has a one-line message for a value out of range.
    public static func joiningNegativeNumbers(_ arguments: [String]) -> [String] {
        var joined: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("--"), !argument.contains("="), index + 1 < arguments.count,
               arguments[index + 1].hasPrefix("-"), Double(arguments[index + 1]) != nil {
                joined.append(argument + "=" + arguments[index + 1])
                index += 2
            } else {
                joined.append(argument)
                index += 1
            }
        }
        return joined
    }
}
