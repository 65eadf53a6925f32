// fagu-load: many field devices syncing at once against one hub on loopback.
//
// Builds a district of N devices (half adviser laptops, half community offices) in a temp
// dir, each with its own SQLite replica and a day of offline work, starts `fagu-hub serve`
// as a separate process on 127.0.0.1, then runs every device's sync concurrently (first
// sync: key registration, upload, roster download), then a second, small round. Prints one
// JSON object: successes, errors, latency percentiles per round, and the hub process's
// peak resident memory (VmHWM), read from /proc.
import AsyncHTTPClient
import FaguHTTP
import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import Foundation

struct Options {
    var replicas = 500
    var records = 20
    var connections = 500
    var deadlineSeconds = 600
    var hubBinary = ".build/release/fagu-hub"

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--replicas": replicas = Int(iterator.next() ?? "") ?? replicas
            case "--records": records = Int(iterator.next() ?? "") ?? records
            case "--connections": connections = Int(iterator.next() ?? "") ?? connections
            case "--deadline": deadlineSeconds = Int(iterator.next() ?? "") ?? deadlineSeconds
            case "--hub": hubBinary = iterator.next() ?? hubBinary
            default:
                FileHandle.standardError.write(Data("""
                    usage: fagu-load [--replicas N] [--records R] [--connections C] [--deadline S] [--hub PATH]

                    """.utf8))
                exit(2)
            }
        }
    }
}

/// Latency figures of one round, in milliseconds.
struct Round: Encodable {
    var successes = 0
    var errors = 0
    var firstErrors: [String] = []
    var p50Ms = 0.0
    var p90Ms = 0.0
    var p99Ms = 0.0
    var maxMs = 0.0
    var wallSeconds = 0.0
    var syncsPerSecond = 0.0
    var sentChanges = 0
    var receivedChanges = 0
}

struct Report: Encodable {
    var replicas: Int
    var recordsPerReplica: Int
    var connections: Int
    var setupSeconds: Double
    var firstSync: Round
    var secondSync: Round
    var hubPeakRssMb: Double
    var hubIdleRssMb: Double
    var hubDigestMatchesDevices: Bool
}

func log(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }

func memory(_ pid: Int32, _ field: String) -> Double {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kilobytes / 1024
    }
    return 0
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

func runRound(_ devices: [FieldReplica], transport: HTTPTransport, deadline: Int) async -> Round {
    let start = Date()
    let results = await withTaskGroup(of: (Double, Result<SyncSummary, Error>).self) { group in
        for device in devices {
            group.addTask {
                let began = Date()
                do {
                    let summary = try await device.sync(over: transport, pageLimit: 2_000)
                    return (Date().timeIntervalSince(began) * 1000, .success(summary))
                } catch {
                    return (Date().timeIntervalSince(began) * 1000, .failure(error))
                }
            }
        }
        group.addTask {
            try? await Task.sleep(for: .seconds(deadline))
            return (-1, .failure(CancellationError()))
        }
        var collected: [(Double, Result<SyncSummary, Error>)] = []
        while let result = await group.next() {
            if result.0 < 0 {
                if collected.count < devices.count { group.cancelAll(); collected.append((Double(deadline) * 1000, result.1)) }
                continue
            }
            collected.append(result)
            if collected.count == devices.count { group.cancelAll() }
        }
        return collected
    }
    var round = Round()
    var latencies: [Double] = []
    for (milliseconds, result) in results {
        switch result {
        case .success(let summary):
            round.successes += 1
            round.sentChanges += summary.sentChanges
            round.receivedChanges += summary.receivedChanges
            latencies.append(milliseconds)
        case .failure(let error):
            round.errors += 1
            if round.firstErrors.count < 5 { round.firstErrors.append("\(error)") }
        }
    }
    latencies.sort()
    round.p50Ms = percentile(latencies, 0.5)
    round.p90Ms = percentile(latencies, 0.9)
    round.p99Ms = percentile(latencies, 0.99)
    round.maxMs = latencies.last ?? 0
    round.wallSeconds = Date().timeIntervalSince(start)
    round.syncsPerSecond = Double(round.successes) / max(round.wallSeconds, 0.001)
    return round
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
guard FileManager.default.isExecutableFile(atPath: options.hubBinary) else {
    log("fagu-load: no hub binary at \(options.hubBinary) (build it: swift build -c release --product fagu-hub)")
    exit(2)
}
let work = FileManager.default.temporaryDirectory.appendingPathComponent("fagu-load-\(UUID().uuidString)").path
try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: work) }
let setupStart = Date()
let fast = ReplicaConfiguration(durability: .none)

// The district: one community per office device, advisers serving two communities each.
let offices = options.replicas / 2
let advisers = options.replicas - offices
let communityCount = max(offices, 1)
let hubHome = work + "/hub"
do {
    let hub = try Hub.create(home: hubHome, district: "浦东新区", configuration: fast)
    let communities = (0..<communityCount).map { index in
        Community(id: .code(String(format: "c%04d", index)), name: "第\(index)居委会", kind: index % 3 == 0 ? .village : .residential,
                  judicialOffice: "川沙司法所")
    }
    let people = (0..<advisers).map { index in
        Adviser(id: .code(String(format: "a%04d", index)), name: "顾问\(index)", kind: .lawyer, organization: "上海某律师事务所",
                phone: "1380000\(String(format: "%04d", index))", practiceSince: 2015, education: .bachelor)
    }
    let appointments = (0..<advisers).flatMap { index in
        [index % communityCount, (index + 1) % communityCount].map { community in
            Appointment(id: .code(String(format: "a%04d@c%04d@2026-01-01", index, community)),
                        adviserID: String(format: "a%04d", index), communityID: String(format: "c%04d", community),
                        start: "2026-01-01", annualFeeCNY: 12_000, serviceHours: "每月第一周周三")
        }
    }
    let unique = Dictionary(appointments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    _ = try hub.writeRoster(communities: communities, advisers: people, appointments: unique.values.sorted { $0.id < $1.id })
}
let hub = try Hub.open(home: hubHome, configuration: fast)
var devices: [FieldReplica] = []
for index in 0..<options.replicas {
    let isAdviser = index < advisers
    let subject = isAdviser ? String(format: "a%04d", index) : String(format: "c%04d", index - advisers)
    let enrollment = try hub.enroll(isAdviser ? .adviser : .office, subject: subject, hubURL: "", today: "2026-11-26")
    let device = try FieldReplica.join(home: work + "/d\(index)", enrollment: enrollment, configuration: fast)
    let community = (try device.communityScopes)[0].name
    try device.replica.write { transaction in
        for record in 0..<options.records {
            try transaction.insert(Visit(id: transaction.newRecordID(), communityID: community,
                                         adviserID: isAdviser ? subject : "a0000", date: "2026-11-\(10 + record % 18)",
                                         hours: Double(record % 6 + 1), note: "驻点服务第\(record)次：解答咨询、参与调解"))
        }
        try transaction.insert(LegalCase(id: transaction.newRecordID(), communityID: community, adviserID: isAdviser ? subject : "a0000",
                                         date: "2026-11-26", title: "相邻权纠纷", status: .open))
    }
    devices.append(device)
    if index % 50 == 49 { log("set up \(index + 1)/\(options.replicas) devices") }
}
let setupSeconds = Date().timeIntervalSince(setupStart)

// The hub, as its own process.
let process = Process()
process.executableURL = URL(fileURLWithPath: options.hubBinary)
process.arguments = ["serve", "--home", hubHome, "--port", "0", "--lang", "en"]
let pipe = Pipe()
process.standardOutput = pipe
process.standardError = FileHandle.nullDevice
try process.run()
var port = 0
var buffer = ""
while port == 0 {
    let data = pipe.fileHandleForReading.availableData
    guard !data.isEmpty else { break }
    buffer += String(decoding: data, as: UTF8.self)
    if let range = buffer.range(of: "127.0.0.1:") {
        port = Int(buffer[range.upperBound...].prefix { $0.isNumber }) ?? 0
    }
}
guard port > 0 else { log("fagu-load: the hub did not start: \(buffer)"); process.terminate(); exit(1) }
let url = "http://127.0.0.1:\(port)"
log("hub pid \(process.processIdentifier) on \(url)")
let idle = memory(process.processIdentifier, "VmRSS")

var configuration = HTTPClient.Configuration()
configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: options.connections)
let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
// One client with a pool as large as the devices: each device would have its own connection.
let transport = try HTTPTransport(baseURL: url, timeout: .seconds(120), client: client)

log("round 1: \(devices.count) devices sync at once")
let first = await runRound(devices, transport: transport, deadline: options.deadlineSeconds)
for (index, device) in devices.enumerated() {
    try device.replica.write { transaction in
        try transaction.insert(Visit(id: transaction.newRecordID(), communityID: device.communityScopes[0].name,
                                     adviserID: index < advisers ? device.subject : "a0000", date: "2026-11-27", hours: 2,
                                     note: "第二天：回访"))
    }
}
log("round 2: a small delta each")
let second = await runRound(devices, transport: transport, deadline: options.deadlineSeconds)

// After one more sync each, a device's communities equal the hub's copy.
var matches = true
for device in devices.prefix(50) {
    _ = try await device.sync(over: transport)
}
let peak = memory(process.processIdentifier, "VmHWM")
process.terminate()
process.waitUntilExit()
try await client.shutdown().get()
let check = try Hub.open(home: hubHome, configuration: fast)
for device in devices.prefix(50) {
    matches = try matches && check.replica.digest(scopes: device.communityScopes) == device.replica.digest(scopes: device.communityScopes)
}
let report = Report(replicas: options.replicas, recordsPerReplica: options.records + 1, connections: options.connections,
                    setupSeconds: setupSeconds, firstSync: first, secondSync: second, hubPeakRssMb: peak, hubIdleRssMb: idle,
                    hubDigestMatchesDevices: matches)
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
encoder.keyEncodingStrategy = .convertToSnakeCase
print(String(decoding: try encoder.encode(report), as: UTF8.self))
