import ArgumentParser
import FaguCLI
import FaguFieldCommands
import FaguHubCommands
import Foundation

/// `tools/roster/`, found from this file's path.
let roster = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("tools/roster").path

/// Runs `fagu-hub ARGUMENTS` as the executable would, in process.
func hub(_ arguments: [String]) throws {
    var command = try HubCommand.parseAsRoot(arguments)
    try command.run()
}

/// Runs `fagu ARGUMENTS` as the executable would, in process.
func fagu(_ arguments: [String]) throws {
    var command = try FieldCommand.parseAsRoot(arguments)
    try command.run()
}

/// The failure `body` ends with.
func failure(_ body: () throws -> Void) -> CommandFailure? {
    do { try body() } catch let failure as CommandFailure { return failure } catch { return nil }
    return nil
}

/// The Shanghai day `offset` days from today, `YYYY-MM-DD`.
func day(_ offset: Int) -> String {
    CalendarDate.day(of: Date().addingTimeInterval(Double(offset) * 86_400))
}
