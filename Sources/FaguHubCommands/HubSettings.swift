import Configuration
import FaguCLI
import FaguWire
import Foundation

/// The hub's configuration file (JSON, read with swift-configuration): where `serve` listens,
/// its TLS files, limits, metrics, shutdown grace and log format, how long refused syncs are
/// kept, the nightly merge's folders and the evaluation's weights. Every setting is optional;
/// a flag given on the command line wins over the file, the file over the built-in default.
///
/// ```json
/// {
///   "serve": { "host": "0.0.0.0", "port": 8443, "tls_cert": "/etc/fagu/hub.crt", "tls_key": "/etc/fagu/hub.key",
///              "page_limit": 2000, "max_upload_bytes": 67108864, "metrics_port": 9464,
///              "shutdown_grace_seconds": 30, "log_format": "logfmt", "log_level": "info" },
///   "retention": { "refused_sync_days": 90 },
///   "merge": { "inbox": "/srv/fagu/inbox", "outbox": "/srv/fagu/outbox" },
///   "reports": { "weights": "/etc/fagu/evaluation-weights.json" }
/// }
/// ```
public struct HubSettings: Sendable, Encodable {
    /// The file read; nil when there is none.
    public var file: String?
    /// `serve.host`: the address to listen on.
    public var host: String?
    /// `serve.port`: the sync port.
    public var port: Int?
    /// `serve.tls_cert`: PEM certificate chain, for HTTPS.
    public var tlsCert: String?
    /// `serve.tls_key`: PEM private key, for HTTPS.
    public var tlsKey: String?
    /// `serve.page_limit`: at most this many groups per reply.
    public var pageLimit: Int?
    /// `serve.max_upload_bytes`: the largest upload accepted.
    public var maxUploadBytes: Int?
    /// `serve.metrics_port`: a port for `GET /metrics` alone.
    public var metricsPort: Int?
    /// `serve.shutdown_grace_seconds`: how long syncs in flight may finish after SIGTERM.
    public var shutdownGraceSeconds: Int?
    /// `serve.log_format`: `logfmt` or `json`.
    public var logFormat: String?
    /// `serve.log_level`: `debug`, `info`, `notice`, `warning` or `error`.
    public var logLevel: String?
    /// `retention.refused_sync_days`: how long refused syncs stay in the hub's sync log.
    public var refusedSyncDays: Int?
    /// `merge.inbox`: the folder of carried-in files.
    public var mergeInbox: String?
    /// `merge.outbox`: where the merge writes replies.
    public var mergeOutbox: String?
    /// `reports.weights`: the evaluation's score sheet.
    public var reportWeights: String?

    /// No file: every setting at its default.
    public init() {}

    /// The file's name in the hub's home, read when no `--config` is given.
    public static let homeFileName = "hub.json"

    /// The built-in defaults, by dotted name, for what has one (`config check` shows them).
    public static let defaults: [String: String] = [
        "serve.host": "127.0.0.1", "serve.port": "8080", "serve.page_limit": "2000",
        "serve.max_upload_bytes": "\(ChangeSetLimits.standard.maxFileBytes)", "serve.shutdown_grace_seconds": "30",
        "serve.log_format": "logfmt", "serve.log_level": "info", "retention.refused_sync_days": "90",
    ]

    /// Each setting's value as text, by dotted name, for what the file holds.
    public var values: [String: String] {
        var values: [String: String] = [:]
        for key in Self.keys {
            if let path = key.path, let value = self[keyPath: path] { values[key.name] = value }
            if let path = key.intPath, let value = self[keyPath: path] { values[key.name] = String(value) }
        }
        return values
    }

    /// Every setting's dotted name, in the file's order of sections.
    public static var names: [String] { keys.map(\.name) }

    /// One setting the file may hold.
    struct Key {
        /// Its dotted name, as written in the file (`serve.port`).
        var name: String
        /// What it must be.
        var rule: Rule
        /// Where it goes.
        var path: WritableKeyPath<HubSettings, String?>?
        var intPath: WritableKeyPath<HubSettings, Int?>?

        enum Rule: Sendable {
            case text, existingFile, folder
            case choice([String])
            case integer(ClosedRange<Int>)
        }
    }

    /// Every setting, with its rule.
    static var keys: [Key] { [
        Key(name: "serve.host", rule: .text, path: \.host),
        Key(name: "serve.port", rule: .integer(0...65_535), intPath: \.port),
        Key(name: "serve.tls_cert", rule: .existingFile, path: \.tlsCert),
        Key(name: "serve.tls_key", rule: .existingFile, path: \.tlsKey),
        Key(name: "serve.page_limit", rule: .integer(1...100_000), intPath: \.pageLimit),
        Key(name: "serve.max_upload_bytes", rule: .integer(1_024...64 << 20), intPath: \.maxUploadBytes),
        Key(name: "serve.metrics_port", rule: .integer(0...65_535), intPath: \.metricsPort),
        Key(name: "serve.shutdown_grace_seconds", rule: .integer(1...3_600), intPath: \.shutdownGraceSeconds),
        Key(name: "serve.log_format", rule: .choice(["logfmt", "json"]), path: \.logFormat),
        Key(name: "serve.log_level", rule: .choice(["debug", "info", "notice", "warning", "error"]), path: \.logLevel),
        Key(name: "retention.refused_sync_days", rule: .integer(1...3_650), intPath: \.refusedSyncDays),
        Key(name: "merge.inbox", rule: .folder, path: \.mergeInbox),
        Key(name: "merge.outbox", rule: .folder, path: \.mergeOutbox),
        Key(name: "reports.weights", rule: .existingFile, path: \.reportWeights),
    ] }

    /// Reads `path` and checks every setting in it.
    ///
    /// - Returns: The settings that passed, and one problem per setting that did not (an
    ///   unreadable or malformed file is one problem and no settings).
    public static func check(_ path: String) -> (settings: HubSettings, problems: [Localized]) {
        var settings = HubSettings()
        settings.file = path
        let text = Catalogue.Config.self
        let present: [String], snapshot: JSONSnapshot
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                return (settings, [text.unreadable(path, "the file must hold one JSON object")])
            }
            present = flattened(object)
            snapshot = try JSONSnapshot(data: data.bytes, providerName: path, parsingOptions: .default)
        } catch {
            return (settings, [text.unreadable(path, Self.reason(error))])
        }
        var problems: [Localized] = present.filter { name in !keys.contains { $0.name == name } }.sorted().map(text.unknownKey)
        for key in keys where present.contains(key.name) {
            let name = AbsoluteConfigKey(key.name.split(separator: ".").map(String.init))
            do {
                switch key.rule {
                case .integer(let range):
                    guard case .int(let value) = try snapshot.value(forKey: name, type: .int).value?.content else {
                        throw SettingTypeMismatch()
                    }
                    guard range.contains(value) else {
                        problems.append(text.outOfRange(key.name, range.lowerBound, range.upperBound))
                        continue
                    }
                    settings[keyPath: key.intPath!] = value
                case .text, .existingFile, .folder, .choice:
                    guard case .string(let value) = try snapshot.value(forKey: name, type: .string).value?.content else {
                        throw SettingTypeMismatch()
                    }
                    if let problem = problem(of: value, for: key) {
                        problems.append(problem)
                        continue
                    }
                    settings[keyPath: key.path!] = value
                }
            } catch {
                let expected = if case .integer = key.rule { text.integer } else { text.string }
                problems.append(text.wrongType(key.name, expected))
            }
        }
        if (settings.tlsCert == nil) != (settings.tlsKey == nil), present.contains("serve.tls_cert") != present.contains("serve.tls_key") {
            problems.append(text.tlsNeedsBoth)
        }
        return (settings, problems)
    }

    /// Reads `path`, failing on its first problem.
    ///
    /// - Throws: ``CommandFailure`` (exit 2) naming the file and the problem.
    public static func load(_ path: String, language: Language) throws -> HubSettings {
        let (settings, problems) = check(path)
        if let first = problems.first {
            throw CommandFailure(language.text(Catalogue.Config.invalid(path, first)), exitCode: 2)
        }
        return settings
    }

    /// What is wrong with `value` for `key`, or nil.
    static func problem(of value: String, for key: Key) -> Localized? {
        let text = Catalogue.Config.self
        var isFolder: ObjCBool = false
        switch key.rule {
        case .text, .integer:
            return value.isEmpty ? text.empty(key.name) : nil
        case .choice(let choices):
            return choices.contains(value) ? nil : text.notAChoice(key.name, choices)
        case .existingFile:
            guard FileManager.default.fileExists(atPath: value, isDirectory: &isFolder), !isFolder.boolValue,
                  FileManager.default.isReadableFile(atPath: value) else { return text.noFile(key.name, value) }
            return nil
        case .folder:
            guard FileManager.default.fileExists(atPath: value, isDirectory: &isFolder), isFolder.boolValue else {
                return text.noFolder(key.name, value)
            }
            return nil
        }
    }

    /// The dotted names of every leaf of `object` (`serve.port`); an object's own name is not a leaf.
    static func flattened(_ object: [String: Any], prefix: String = "") -> [String] {
        object.flatMap { key, value -> [String] in
            let name = prefix.isEmpty ? key : prefix + "." + key
            if let nested = value as? [String: Any] { return flattened(nested, prefix: name) }
            return [name]
        }
    }

    /// A setting whose JSON value is not of the type it must have.
    struct SettingTypeMismatch: Error {}

    /// An error as one line.
    static func reason(_ error: any Error) -> String {
        let error = error as NSError
        if error.domain == NSCocoaErrorDomain, let detail = error.userInfo[NSDebugDescriptionErrorKey] as? String {
            return "not valid JSON (\(detail))"
        }
        return error.localizedDescription.split(separator: "\n").first.map(String.init) ?? "\(error)"
    }
}
