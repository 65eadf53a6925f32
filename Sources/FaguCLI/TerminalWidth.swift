import Foundation

/// How wide the terminal showing standard output is: `COLUMNS` when set, else the terminal's
/// own size; nil when output goes to a pipe or file (then nothing is cut to fit).
public enum TerminalWidth {
    /// The columns available, or nil when output is not a terminal.
    public static var current: Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
