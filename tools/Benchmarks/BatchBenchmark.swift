import FaguDomain
import FaguStore
import Foundation

/// Core's transactions-of-1,000 figure alone, repeated: Fagu's replicas and plain SQLite,
/// each writing the first side's half of a day in one transaction and in transactions of
/// 1,000, at FULL and at NORMAL, on fresh files each repetition; the ratios of every
/// repetition and their medians, which say more on this shared machine than one best-of.
struct BatchBenchmark {
    /// New records in the day (as `core`'s).
    let records: Int
    let repetitions: Int
    /// Only this writer (`fagu-full`, `fagu-normal`, `plain-full`, `plain-normal`), to profile it.
    let only: String?
    /// Operations per transaction on the many-transactions side (1,000 unless told).
    var batch = 1_000

    /// The writers compared, by the names `--only` takes.
    static let writers = ["fagu-full", "fagu-normal", "plain-full", "plain-normal"]

    func run() throws -> String {
        if let only, !BatchBenchmark.writers.contains(only) {
            throw BenchmarkFailure(message: "--only takes \(BatchBenchmark.writers.joined(separator: ", ")), not \(only)")
        }
        let day = DistrictDay(records: records)
        let core = CoreBenchmark(records: records, rounds: 1)
        var times: [String: [BatchTimes]] = [:]
        for _ in 0..<max(repetitions, 1) {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fagu-batch-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
            for writer in BatchBenchmark.writers where only == nil || only == writer {
                let durability: ReplicaConfiguration.Durability = writer.hasSuffix("full") ? .full : .normal
                times[writer, default: []].append(writer.hasPrefix("fagu")
                    ? try core.faguWrites(day, configuration: ReplicaConfiguration(durability: durability), name: writer, path: path, batch: batch)
                    : try core.plainWrites(day, durability: durability, path: path, batch: batch))
            }
        }
        var fields: [String] = ["\"benchmark\": \"batch\"", "\"repetitions\": \(repetitions)"]
        for (writer, runs) in times.sorted(by: { $0.key < $1.key }) {
            let key = writer.replacingOccurrences(of: "-", with: "_")
            fields.append("\"\(key)_ratios\": [\(runs.map { String(format: "%.2f", $0.ratio) }.joined(separator: ", "))]")
            fields.append("\"\(key)_median_ratio\": \(String(format: "%.2f", median(runs.map(\.ratio))))")
            fields.append("\"\(key)_median_cpu_ratio\": \(String(format: "%.2f", median(runs.map(\.cpuRatio))))")
            fields.append("\"\(key)_median_settled_ratio\": \(String(format: "%.2f", median(runs.map(\.settledRatio))))")
            fields.append("\"\(key)_median_one_s\": \(String(format: "%.3f", median(runs.map(\.one))))")
            fields.append("\"\(key)_median_thousands_s\": \(String(format: "%.3f", median(runs.map(\.thousands))))")
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}
