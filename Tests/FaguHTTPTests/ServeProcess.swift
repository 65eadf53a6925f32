import Foundation
import Synchronization

/// A real `fagu-hub serve` process, built beside the tests, on 127.0.0.1 with a free port.
final class ServeProcess: Sendable {
    /// The base URL it listens on, from the line it prints once bound.
    let url: String
    private let process: Process
    private let log: String

    /// Why a `serve` process could not be used.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `fagu-hub serve --home HOME --port 0 --json` and waits (up to 30 s) for its listening
    /// line; its stderr (the log) goes to the file `log`, which nothing has to drain.
    init(home: String, log: String, arguments: [String] = []) throws {
        let process = Process()
        process.executableURL = try Self.executable("fagu-hub")
        process.arguments = ["serve", "--home", home, "--port", "0", "--json", "--lang", "en"] + arguments
        let output = Pipe()
        guard FileManager.default.createFile(atPath: log, contents: nil),
              let errors = FileHandle(forWritingAtPath: log) else { throw Failure(description: "cannot create \(log)") }
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        self.process = process
        self.log = log
        // The first line of stdout is {"district": …, "listening": "http://127.0.0.1:PORT", …}.
        let deadline = Date().addingTimeInterval(30)
        var buffer = Data()
        var listening: String?
        while listening == nil, Date() < deadline, process.isRunning {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer += chunk
            if let object = try? JSONSerialization.jsonObject(with: buffer) as? [String: Any] {
                listening = object["listening"] as? String
            }
        }
        guard let listening else {
            process.terminate()
            process.waitUntilExit()
            let said = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw Failure(description: "fagu-hub serve did not say it listens: \(said)")
        }
        url = listening
    }

    /// Sends `signal` (SIGTERM by default).
    func signal(_ signal: Int32 = SIGTERM) {
        kill(process.processIdentifier, signal)
    }

    /// Waits up to `seconds` for the process to end: its exit status and what it wrote on stderr.
    func waitForExit(seconds: Double = 60) async throws -> (status: Int32, stderr: String) {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            guard Date() < deadline else {
                process.interrupt()
                kill(process.processIdentifier, SIGKILL)
                throw Failure(description: "fagu-hub serve did not stop within \(seconds) s")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return (process.terminationStatus, try String(contentsOfFile: log, encoding: .utf8))
    }

    /// A built executable of this package: beside the test bundle, in the build folder.
    static func executable(_ name: String) throws -> URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw Failure(description: "no built \(name) beside \(CommandLine.arguments[0]); run swift build first")
    }
}
