/// Text as a terminal may safely show it: control characters — escape sequences that could
/// repaint an operator's screen, a bell, a carriage return, the C1 controls and the
/// bidirectional overrides that reorder what is shown — written as visible `\u{…}` escapes.
/// Text is stored and sent exactly as written (`--json` carries it as is); only what is
/// printed for people is escaped.
///
/// ```swift
/// TerminalText.escaped("村委会\u{1B}[2J")   // "村委会\u{1B}[2J" with the escape shown as \u{1B}
/// ```
public enum TerminalText {
    /// `text` with every control or reordering character shown as `\u{HEX}`.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// C0 and C1 controls, DEL, and the bidirectional embedding, override and isolate marks.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
