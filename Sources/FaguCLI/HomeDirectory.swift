import Foundation

/// Where a command's replica lives: `--home`, else an environment variable, else a folder
/// in the user's home.
public enum HomeDirectory {
    /// The home to use.
    ///
    /// - Parameters:
    ///   - option: The `--home` value, if given.
    ///   - variable: The environment variable (`FAGU_HOME`, `FAGU_HUB_HOME`).
    ///   - fallback: The folder under the user's home (`.fagu`).
    public static func resolve(_ option: String?, variable: String, fallback: String,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return absolute(option) }
        if let value = environment[variable], !value.isEmpty { return absolute(value) }
        return (environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path) + "/" + fallback
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
