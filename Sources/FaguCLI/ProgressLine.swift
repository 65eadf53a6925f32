import Foundation

/// A one-line progress display on stderr that rewrites itself — only when stderr is a
/// terminal, so piped and scripted runs stay quiet.
public struct ProgressLine: Sendable {
    /// Whether anything is shown.
    public let isShown: Bool

    /// A progress line, shown when stderr is a terminal (and `enabled`).
    public init(enabled: Bool = true) {
        isShown = enabled && isatty(STDERR_FILENO) == 1
    }

    /// Replaces the line with `text`.
    public func update(_ text: String) {
        guard isShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
    }

    /// `done` of `total` as a bar with a label.
    public func update(_ label: String, done: Int, total: Int) {
        let width = 24
        let filled = total > 0 ? min(width, done * width / total) : width
        update("\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
               + "] \(done)/\(total)")
    }

    /// Clears the line.
    public func finish() {
        guard isShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
