// The change-set decoder under libFuzzer.
//
//   tools/fuzz [SECONDS]     build with -sanitize=fuzzer,address and fuzz (default 600 s)
//
// Built normally (as `swift build` does), this is `fagu-fuzz-replay FILE…`: it decodes
// each file — a crash or corpus entry — and prints the result, to reproduce a finding
// without the sanitizer build.
import FaguDomain
import FaguWire
import Foundation

#if FUZZING
/// libFuzzer's driver (SwiftPM names every executable's entry point itself, so we call
/// the driver from `main` rather than linking libFuzzer's own `main`).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
struct FuzzChangeSetDecoder {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOne))
    }
}

func fuzzOne(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = [UInt8](UnsafeBufferPointer(start: start, count: count))
    do {
        let set = try ChangeSetDecoder().decode(bytes)
        // Whatever decodes must describe and re-encode without trouble, and read back the
        // same in either layout.
        _ = ChangeSetDescription(set)
        // (Compared as the bytes they encode to, which hold a real by its bits: NaN ≠ NaN.)
        let canonical = try ChangeSetEncoder.encode(header: set.header, groups: set.groups)
        for version in ChangeSetVersion.allCases {
            let again = try ChangeSetDecoder().decode(ChangeSetEncoder.encode(header: set.header, groups: set.groups, version: version))
            let reread = try ChangeSetEncoder.encode(header: set.header, groups: again.groups)
            precondition(reread == canonical, "re-encoded in \(version), the file reads back other groups")
        }
    } catch {
        // Refusals are the expected outcome for most inputs.
    }
    return 0
}
#else
@main
struct ReplayCorpus {
    static func main() {
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("usage: fagu-fuzz-replay FILE…\n".utf8))
            exit(2)
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot read")
                continue
            }
            do {
                let set = try ChangeSetDecoder().decode([UInt8](data))
                print("\(path): decodes, \(set.groups.count) groups")
            } catch {
                print("\(path): refused, \(error)")
            }
        }
    }
}
#endif
