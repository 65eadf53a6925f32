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

    /// `zh` or `en` text, whichever this language is.
    public func text(zh: String, en: String) -> String {
        self == .zh ? zh : en
    }

    /// A catalogue entry in this language.
    public func text(_ localized: Localized) -> String {
        self == .zh ? localized.zh : localized.en
    }
}
