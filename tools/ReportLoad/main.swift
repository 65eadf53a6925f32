// fagu-report-load: a year of a large district in a new hub home, for timing the reports
// (issue 13): 400 communities, 150 advisers, every community served, and a year of visits,
// consultations, mediations, lectures, legal aid, governance, commissions and incident
// reports, seeded so every run builds the same district.
//
//     swift build -c release --product fagu-report-load
//     .build/release/fagu-report-load HOME [--year 2026] [--seed 13]
//     time fagu-hub report compliance --home HOME --year 2026 --json > /dev/null
//
// Built through the real write path and sync (DistrictYear): the hub writes only the
// roster; each adviser is an enrolled device in HOME/devices/CODE that logs its own work and
// syncs with the hub in process. At the end the hub must hold, kind by kind, exactly what
// was written, with nothing set aside, held back or unsent; else the exit status is 1.
import FaguDomain
import FaguModel
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String, _ fallback: String) -> String {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
    let value = arguments[index + 1]
    arguments.removeSubrange(index...index + 1)
    return value
}
let year = Int(option("--year", "2026")) ?? 2026
let seed = UInt64(option("--seed", "13")) ?? 13
guard let home = arguments.first else {
    FileHandle.standardError.write(Data("usage: fagu-report-load HOME [--year YYYY] [--seed N]\n".utf8))
    exit(2)
}

let started = Date()
/// Writes `line` to stdout at once (unbuffered), so progress shows through a pipe too.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
func elapsed() -> String { String(format: "%.1f s", Date().timeIntervalSince(started)) }
do {
    let district = try DistrictYear(home: home, year: year, seed: seed)
    say("roster: \(DistrictRoster.communityCount) communities, \(DistrictRoster.adviserCount) advisers, "
          + "\(district.figures.written[.appointment] ?? 0) appointments")
    try await district.enrollDevices()
    say("devices: \(district.figures.firstSyncs) enrolled, joined and synced (\(elapsed()))")
    var planner = WorkPlanner(seed: seed, year: year)
    for month in 1...12 {
        try await district.play(month: month, planner: &planner)
        let logged = district.figures.written.filter { !DistrictYear.kinds.prefix(3).contains($0.key) }.values.reduce(0, +)
        say(String(format: "%04d-%02d: %d records logged so far, %d syncs (%@)", year, month, logged, district.figures.syncs,
                     elapsed()))
    }
    let figures = district.figures
    say("syncs: \(figures.syncs) (\(figures.firstSyncs) first, \(figures.monthlySyncs) monthly, "
          + "\(figures.adoptionSyncs) to learn of a new appointment, \(figures.incidentSyncs) after an incident report)")
    var complete = true
    say("kind          written   at hub")
    for count in try district.counts() {
        if count.written != count.atHub { complete = false }
        say(count.kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
              + String(format: "%9d%9d", count.written, count.atHub) + (count.written == count.atHub ? "" : "   MISMATCH"))
    }
    let left = try district.leftOver()
    for line in left { say(line) }
    try district.close()
    say("built in \(elapsed())")
    guard complete && left.isEmpty else {
        FileHandle.standardError.write(Data("fagu-report-load: the hub does not hold everything the devices wrote\n".utf8))
        exit(1)
    }
} catch {
    FileHandle.standardError.write(Data("fagu-report-load: \(error)\n".utf8))
    exit(1)
}
