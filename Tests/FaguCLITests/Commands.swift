import ArgumentParser
import FaguCLI
import FaguFieldCommands
import FaguHubCommands
import FaguTesting
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

/// Creates a Chongming hub in `directory/hub` with communities c01 and c02, adviser a001, and
/// the appointment rows given (CSV lines after the header), through `fagu-hub` commands.
func commandHub(in directory: TemporaryDirectory, appointments rows: String) throws {
    try hub(["init", "--home", directory.file("hub"), "--district", "崇明区", "--json"])
    let communities = directory.file("communities.csv"), advisers = directory.file("advisers.csv")
    let appointments = directory.file("appointments.csv")
    try "id,name,kind,judicial_office\nc01,城桥镇城东村,village,城桥司法所\nc02,堡镇居委会,residential,堡镇司法所\n"
        .write(toFile: communities, atomically: true, encoding: .utf8)
    try "id,name,kind,organization,phone,practice_since,education\na001,王丽华,lawyer,崇明律师事务所,13800000001,2012,master\n"
        .write(toFile: advisers, atomically: true, encoding: .utf8)
    try ("adviser_id,community_id,start,end,annual_fee_cny,service_hours\n" + rows)
        .write(toFile: appointments, atomically: true, encoding: .utf8)
    try hub(["roster", "import", "--home", directory.file("hub"), "--json", "--communities", communities,
             "--advisers", advisers, "--appointments", appointments])
}
