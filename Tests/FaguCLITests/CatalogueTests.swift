import FaguCLI
import FaguFieldCommands
import FaguHTTP
import FaguStore
import FaguSync
import FaguTesting
import FaguWire
import Foundation
import Testing

/// The package's `Sources/`, found from this file's path.
private let sources = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources")

/// Every Swift file under `Sources/`, by its path from there, with its text.
private func swiftSources() throws -> [(path: String, text: String)] {
    let root = sources.standardizedFileURL.path
    guard let files = FileManager.default.enumerator(atPath: root) else { return [] }
    return try files.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map { path in
        (path, try String(contentsOfFile: root + "/" + path, encoding: .utf8))
    }
}

/// Whether `path` (from `Sources/`) is in the catalogue's folder.
private func isCatalogue(_ path: String) -> Bool { path.hasPrefix("FaguCLI/Catalogue/") }

@Suite("The catalogue: every message in Chinese and English, from one place")
struct CatalogueTests {
    @Test("no source file outside Sources/FaguCLI/Catalogue/ writes a Chinese text of its own")
    func noInlineText() throws {
        let files = try swiftSources()
        #expect(files.contains { isCatalogue($0.path) }, "Sources/ was not found from \(sources.path)")
        let offenders = files.filter { !isCatalogue($0.path) && $0.text.contains("zh: \"") }.map(\.path)
        #expect(offenders.isEmpty, "move these texts into Sources/FaguCLI/Catalogue/: \(offenders)")
    }

    @Test("no catalogue entry leaves a language empty")
    func noEmptyEntry() throws {
        for file in try swiftSources() where isCatalogue(file.path) {
            for empty in ["zh: \"\"", "en: \"\""] {
                #expect(!file.text.contains(empty), "\(file.path) has an entry with \(empty)")
            }
        }
    }

    @Test("every code of the core's errors has a summary in both languages")
    func everyCodeHasText() {
        let summaries = ReplicaError.Code.allCases.map(Catalogue.ReplicaErrors.summary(of:))
            + SyncRefusal.Code.allCases.map(Catalogue.SyncRefusals.summary(of:))
            + WireError.Code.allCases.map(Catalogue.WireErrors.summary(of:))
            + HTTPTransportError.Code.allCases.map { HTTPTransportError($0, url: "https://hub", "detail").catalogueText }
        for summary in summaries {
            #expect(!summary.zh.isEmpty && !summary.en.isEmpty, "\(summary)")
        }
        #expect(Set(ReplicaError.Code.allCases.map { Catalogue.ReplicaErrors.summary(of: $0).zh }).count
                == ReplicaError.Code.allCases.count, "two codes read alike in Chinese")
    }

    @Test("a core error reads in Chinese with its names and code kept, and in English as the core wrote it")
    func coreErrorsAreTranslated() {
        let missing = ReplicaError(.recordNotFound, "no consultation 0192ab")
        #expect(Catalogue.failure(missing) == Localized(zh: "找不到该记录（no consultation 0192ab）", en: "no consultation 0192ab"))
        let refusal = SyncRefusal(.revokedDevice, "device 0192 was revoked")
        #expect(Language.zh.text(Catalogue.failure(refusal)) == "该设备已被吊销（revoked_device: device 0192 was revoked）")
        #expect(Language.en.text(Catalogue.failure(refusal)) == refusal.description)
        let damaged = WireError(.badChecksum, "the body's SHA-256 does not match")
        #expect(Language.zh.text(Catalogue.failure(damaged)).contains("bad_checksum"))
        #expect(Language.en.text(Catalogue.failure(damaged)) == damaged.description)
        let local = SyncFailure("cannot read /tmp/x")
        #expect(Language.zh.text(Catalogue.failure(local)) == "未能完成（cannot read /tmp/x）")
        #expect(Language.en.text(Catalogue.failure(local)) == local.message)
        let noReplica = SyncFailure(.noReplica, subject: "/tmp/x", "no replica in /tmp/x; join a district first with `fagu init --enroll FILE`")
        #expect(Language.zh.text(Catalogue.failure(noReplica)) == "/tmp/x 中没有副本：请先用 fagu init --enroll 文件 加入辖区")
        #expect(Language.en.text(Catalogue.failure(noReplica)) == noReplica.message)
    }

    @Test("a command's core failure is one line in the language asked for")
    func commandFailureSpeaksTheLanguage() throws {
        let directory = try TemporaryDirectory(prefix: "fagu-catalogue")
        let home = directory.file("nowhere")
        let chinese = failure { try fagu(["status", "--home", home, "--lang", "zh"]) }
        #expect(chinese?.message == "\(home) 中没有副本：请先用 fagu init --enroll 文件 加入辖区", "\(chinese?.message ?? "no failure")")
        let english = failure { try fagu(["status", "--home", home, "--lang", "en"]) }
        #expect(english?.message.hasPrefix("no replica in") == true, "\(english?.message ?? "no failure")")
    }

    @Test("--lang in the arguments decides the language of text shown outside a command's options")
    func languageFromArguments() {
        #expect(Language.requested(by: ["status", "--lang", "zh"], environment: [:]) == .zh)
        #expect(Language.requested(by: ["status", "--lang=zh"], environment: ["LANG": "en_US.UTF-8"]) == .zh)
        #expect(Language.requested(by: ["status", "--lang", "fr"], environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.requested(by: ["status"], environment: [:]) == .en)
    }
}
