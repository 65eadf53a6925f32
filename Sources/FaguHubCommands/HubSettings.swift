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

    /// The built-in default of every setting that has one; the others are unset.
    public static let standard: HubSettings = {
        var settings = HubSettings()
        settings.host = "127.0.0.1"
        settings.port = 8080
        settings.pageLimit = 2_000
        settings.maxUploadBytes = ChangeSetLimits.standard.maxFileBytes
        settings.shutdownGraceSeconds = 30
        settings.logFormat = "logfmt"
        settings.logLevel = "info"
        settings.refusedSyncDays = 90
        return settings
    }()

    /// Each setting's value as text, by dotted name, for what is set.
    public var values: [String: String] {
        var values: [String: String] = [:]
        for key in Self.keys {
            switch key.value {
            case .integer(let path, _): if let value = self[keyPath: path] { values[key.name] = String(value) }
            case .text(let path, _): if let value = self[keyPath: path] { values[key.name] = value }
            }
        }
        return values
    }

    /// Every setting's dotted name, in the file's order of sections.
    public static var names: [String] { keys.map(\.name) }

    /// One setting the file may hold.
    struct Key {
        /// Its dotted name, as written in the file (`serve.port`).
        var name: String
        /// Where it goes, and what it must be.
        var value: Value

        enum Value {
            /// A whole number within a range.
            case integer(WritableKeyPath<HubSettings, Int?>, ClosedRange<Int>)
            /// A non-empty text, which may have to name something.
            case text(WritableKeyPath<HubSettings, String?>, TextRule)
        }

        enum TextRule {
            case any, existingFile, folder
            case choice([String])
        }
    }

    /// Every setting, with its rule.
    static var keys: [Key] { [
        Key(name: "serve.host", value: .text(\.host, .any)),
        Key(name: "serve.port", value: .integer(\.port, 0...65_535)),
        Key(name: "serve.tls_cert", value: .text(\.tlsCert, .existingFile)),
        Key(name: "serve.tls_key", value: .text(\.tlsKey, .existingFile)),
        Key(name: "serve.page_limit", value: .integer(\.pageLimit, 1...100_000)),
        Key(name: "serve.max_upload_bytes", value: .integer(\.maxUploadBytes, 1_024...ChangeSetLimits.standard.maxFileBytes)),
        Key(name: "serve.metrics_port", value: .integer(\.metricsPort, 0...65_535)),
        Key(name: "serve.shutdown_grace_seconds", value: .integer(\.shutdownGraceSeconds, 1...3_600)),
        Key(name: "serve.log_format", value: .text(\.logFormat, .choice(["logfmt", "json"]))),
        Key(name: "serve.log_level", value: .text(\.logLevel, .choice(["debug", "info", "notice", "warning", "error"]))),
        Key(name: "retention.refused_sync_days", value: .integer(\.refusedSyncDays, 1...3_650)),
        Key(name: "merge.inbox", value: .text(\.mergeInbox, .folder)),
        Key(name: "merge.outbox", value: .text(\.mergeOutbox, .folder)),
        Key(name: "reports.weights", value: .text(\.reportWeights, .existingFile)),
    ] }

    /// What is wrong with `value` given for the setting `name` — as a command-line flag, named
    /// `flag` in the message — or nil. The flag and the file obey one rule.
    public static func problem(with value: Int, for name: String, as flag: String) -> Localized? {
        guard let key = keys.first(where: { $0.name == name }), case .integer(_, let range) = key.value else { return nil }
        return range.contains(value) ? nil : Catalogue.Config.outOfRange(flag, range.lowerBound, range.upperBound)
    }

    /// ``problem(with:for:as:)`` for a text setting.
    public static func problem(with value: String, for name: String, as flag: String) -> Localized? {
        guard let key = keys.first(where: { $0.name == name }), case .text(_, let rule) = key.value else { return nil }
        return problem(of: value, rule: rule, named: flag)
    }

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
            switch key.value {
            case .integer(let path, let range):
                guard case .int(let value)? = try? snapshot.value(forKey: name, type: .int).value?.content else {
                    problems.append(text.wrongType(key.name, text.integer))
                    continue
                }
                guard range.contains(value) else {
                    problems.append(text.outOfRange(key.name, range.lowerBound, range.upperBound))
                    continue
                }
                settings[keyPath: path] = value
            case .text(let path, let rule):
                guard case .string(let value)? = try? snapshot.value(forKey: name, type: .string).value?.content else {
                    problems.append(text.wrongType(key.name, text.string))
                    continue
                }
                if let problem = problem(of: value, rule: rule, named: key.name) {
                    problems.append(problem)
                    continue
                }
                settings[keyPath: path] = value
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

    /// What is wrong with `value` under `rule`, for the setting or flag `name`, or nil.
    static func problem(of value: String, rule: Key.TextRule, named name: String) -> Localized? {
        let text = Catalogue.Config.self
        var isFolder: ObjCBool = false
        guard !value.isEmpty else { return text.empty(name) }
        switch rule {
        case .any:
            return nil
        case .choice(let choices):
            return choices.contains(value) ? nil : text.notAChoice(name, choices)
        case .existingFile:
            guard FileManager.default.fileExists(atPath: value, isDirectory: &isFolder), !isFolder.boolValue,
                  FileManager.default.isReadableFile(atPath: value) else { return text.noFile(name, value) }
            return nil
        case .folder:
            guard FileManager.default.fileExists(atPath: value, isDirectory: &isFolder), isFolder.boolValue else {
                return text.noFolder(name, value)
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

    /// An error as one line.
    static func reason(_ error: any Error) -> String {
        let error = error as NSError
        if error.domain == NSCocoaErrorDomain, let detail = error.userInfo[NSDebugDescriptionErrorKey] as? String {
            return "not valid JSON (\(detail))"
        }
        return error.localizedDescription.split(separator: "\n").first.map(String.init) ?? "\(error)"
    }
}
