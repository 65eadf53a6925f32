// fagu-bench: performance figures for Fagu, as one JSON object per run.
//
//   fagu-bench core [--records N] [--rounds R] [--format 2|3|4]
//   fagu-bench merge --fixture DIR [--records N] [--repetitions N] [--decode-first]   (core's merge alone, repeated)
//   fagu-bench batch [--records N] [--repetitions N] [--batch N] [--only WRITER]   (core's transactions-of-1,000 figure alone, repeated)
//   fagu-bench wire
//   fagu-bench field-home --home DIR [--records N]   (a full laptop replica, to time commands)
//
// Every figure that depends on the machine is a ratio against a baseline run in the same
// process, because these machines are shared and noisy.
import FaguWire
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count,
          let parsed = Int(arguments[index + 1]), parsed > 0 else { return value }
    return parsed
}

switch arguments.first {
case "core":
    do {
        var benchmark = CoreBenchmark(records: option("--records", default: 100_000), rounds: option("--rounds", default: 3))
        guard let version = ChangeSetVersion(major: UInt8(clamping: option("--format", default: Int(ChangeSetVersion.current.major)))) else {
            FileHandle.standardError.write(Data("fagu-bench: --format is 2, 3 or 4\n".utf8))
            exit(2)
        }
        benchmark.version = version
        let report = try benchmark.run()
        print(report)
    } catch {
        FileHandle.standardError.write(Data("fagu-bench: \(error)\n".utf8))
        exit(1)
    }
case "merge":
    guard let index = arguments.firstIndex(of: "--fixture"), index + 1 < arguments.count else {
        FileHandle.standardError.write(Data("usage: fagu-bench merge --fixture DIR [--records N] [--repetitions N] [--decode-first]\n".utf8))
        exit(2)
    }
    do {
        print(try MergeBenchmark(fixture: URL(fileURLWithPath: arguments[index + 1]), records: option("--records", default: 100_000),
                                 repetitions: option("--repetitions", default: 5),
                                 decodeFirst: arguments.contains("--decode-first")).run())
    } catch {
        FileHandle.standardError.write(Data("fagu-bench: \(error)\n".utf8))
        exit(1)
    }
case "field-home":
    guard let index = arguments.firstIndex(of: "--home"), index + 1 < arguments.count else {
        FileHandle.standardError.write(Data("usage: fagu-bench field-home --home DIR [--records N]\n".utf8))
        exit(2)
    }
    do {
        print(try FieldHome(home: arguments[index + 1], records: option("--records", default: 100_000)).run())
    } catch {
        FileHandle.standardError.write(Data("fagu-bench: \(error)\n".utf8))
        exit(1)
    }
case "batch":
    do {
        let only = arguments.firstIndex(of: "--only").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        print(try BatchBenchmark(records: option("--records", default: 100_000), repetitions: option("--repetitions", default: 5),
                                 only: only, batch: option("--batch", default: 1_000)).run())
    } catch {
        FileHandle.standardError.write(Data("fagu-bench: \(error)\n".utf8))
        exit(1)
    }
case "wire":
    do {
        print(try WireBenchmark().run())
    } catch {
        FileHandle.standardError.write(Data("fagu-bench: \(error)\n".utf8))
        exit(1)
    }
default:
    FileHandle.standardError.write(Data("usage: fagu-bench core [--records N] [--rounds R] [--format 2|3|4] | fagu-bench merge --fixture DIR [--records N] [--repetitions N] [--decode-first] | fagu-bench batch [--records N] [--repetitions N] [--batch N] [--only fagu-full|fagu-normal|plain-full|plain-normal] | fagu-bench wire | fagu-bench field-home --home DIR [--records N]\n".utf8))
    exit(2)
}
