import Foundation

/// The language of user-facing text: Chinese or English.
public enum Language: String, CaseIterable, Sendable {
    /// 中文.
    case zh
    /// English.
    case en

    /// The language the environment asks for: `zh` when `LC_ALL`, `LC_MESSAGES` or `LANG`
    /// (the first one set) starts with `zh`, English otherwise.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }

    /// The language `arguments` ask for with `--lang zh|en` (or `--lang=…`), else the one the
    /// environment asks for: for text shown before or outside a command's own options.
    public static func requested(by arguments: [String],
                                 environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for (index, argument) in arguments.enumerated() {
            let value = argument == "--lang" ? arguments.dropFirst(index + 1).first
                : argument.hasPrefix("--lang=") ? String(argument.dropFirst("--lang=".count)) : nil
            if let value, let language = Language(rawValue: value) { return language }
        }
        return fromEnvironment(environment)
    }

    /// A catalogue entry in this language.
    public func text(_ localized: Localized) -> String {
        self == .zh ? localized.zh : localized.en
    }
}
