import Foundation
import Logging

/// A swift-log handler that writes one line per event to standard error, its facts as keys
/// and values: `logfmt` (`time=… level=info event=sync outcome=accepted device=… ms=12`) for
/// people and journald, or one JSON object per line for log collectors. The message is the
/// event's name; everything else is metadata, so nothing a resident said ever reaches it
/// unless a caller puts it there (the hub's routes log codes, ids, counts and times only).
public struct StructuredLogHandler: LogHandler {
    /// How a line is written.
    public enum Format: String, Sendable, CaseIterable {
        /// `key=value` pairs, values quoted when they hold spaces, quotes or `=`.
        case logfmt
        /// One JSON object per line, values as strings.
        case json
    }

    /// The line format.
    public let format: Format
    /// Which logger this is (`fagu-hub`).
    public let label: String
    /// The lowest level written.
    public var logLevel: Logger.Level
    /// Facts added to every line of this logger.
    public var metadata: Logger.Metadata = [:]

    /// A handler for `label`, writing `format` lines at `level` and above.
    public init(label: String, format: Format, level: Logger.Level) {
        self.label = label
        self.format = format
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var facts = metadata.merging(event.metadata ?? [:]) { $1 }.mapValues { "\($0)" }
        facts["time"] = Self.timestamp(Date())
        facts["level"] = event.level.rawValue
        facts["event"] = "\(event.message)"
        let line = Self.line(facts, format: format)
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// The line for `facts`: `time`, `level` and `event` first, then the rest by key.
    public static func line(_ facts: [String: String], format: Format) -> String {
        let leading = ["time", "level", "event"]
        let keys = leading.filter { facts[$0] != nil } + facts.keys.filter { !leading.contains($0) }.sorted()
        switch format {
        case .logfmt:
            return keys.map { "\($0)=\(logfmtValue(facts[$0]!))" }.joined(separator: " ")
        case .json:
            return "{" + keys.map { "\(jsonString($0)):\(jsonString(facts[$0]!))" }.joined(separator: ",") + "}"
        }
    }

    /// A logfmt value: bare when it is one plain word, else quoted with `"` and `\` escaped.
    static func logfmtValue(_ value: String) -> String {
        let plain = !value.isEmpty && value.unicodeScalars.allSatisfy { $0.value > 0x20 && $0 != "\"" && $0 != "=" && $0 != "\\" }
        guard !plain else { return value }
        return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    /// A JSON string literal of `value`, as Foundation's encoder writes it.
    static func jsonString(_ value: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        // A string always encodes; the fallback only keeps the line well-formed.
        guard let data = try? encoder.encode(value) else { return "\"\"" }
        return String(decoding: data, as: UTF8.self)
    }

    /// `2026-11-27T20:36:23.123+08:00`: Shanghai time, as the district reads it.
    static func timestamp(_ date: Date) -> String { date.formatted(shanghaiStyle) }

    /// RFC 3339 with milliseconds in Shanghai's zone: made once, not for every line.
    private static let shanghaiStyle = Date.ISO8601FormatStyle(timeZoneSeparator: .colon, includingFractionalSeconds: true,
                                                               timeZone: TimeZone(identifier: "Asia/Shanghai")!)
}
