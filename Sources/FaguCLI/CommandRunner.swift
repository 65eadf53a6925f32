import ArgumentParser
import FaguModel
import FaguStore
import FaguSync
import FaguWire
import Foundation

/// Runs a command tree as an executable: help and usage errors as swift-argument-parser
/// prints them, a ``CommandFailure`` as one line on stderr with its exit code, and an error
/// of the core that no command caught as one line from the catalogue (exit 1).
public enum CommandRunner {
    /// Parses the process arguments, runs the command (awaiting it when it is async), and exits.
    public static func runAsync<Root: ParsableCommand>(_ root: Root.Type, name: String,
                                                       arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        // Swift would quietly turn bytes that are not UTF-8 into U+FFFD and store that.
        for index in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[index], String(validatingCString: raw) == nil else { continue }
            let message = Language.requested(by: arguments).text(Catalogue.argumentNotUTF8(index))
            FileHandle.standardError.write(Data("\(name): \(message)\n".utf8))
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
        } catch where error is ReplicaError || error is SyncRefusal || error is SyncFailure || error is WireError
                        || error is RecordDecodingError {
            // A core error a command let through: one line, in the language asked for.
            let message = Language.requested(by: arguments).text(Catalogue.failure(error))
            FileHandle.standardError.write(Data("\(name): \(message)\n".utf8))
            exit(1)
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
