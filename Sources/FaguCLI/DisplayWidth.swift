/// How many terminal columns text takes: East Asian wide and fullwidth characters take two,
/// combining marks and zero-width characters none, everything else one. Tables are padded
/// by this, so Chinese text lines up.
public enum DisplayWidth {
    /// The columns `text` takes.
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + columns(of: $1) }
    }

    /// The columns one scalar takes.
    public static func columns(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Most text is ASCII or CJK: answered without Unicode property lookups.
        if value < 0x300 { return value == 0 ? 0 : 1 }
        if (0x4E00...0x9FFF).contains(value) { return 2 }
        if (0x300...0x36F).contains(value) || (0x200B...0x200F).contains(value) || value == 0xFEFF
            || (0xFE00...0xFE0F).contains(value) {
            return 0
        }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark {
            return 0
        }
        for range in wideRanges where range.contains(value) { return 2 }
        return 1
    }

    /// `text` padded with spaces to `width` columns (never cut).
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let missing = max(0, width - of(text))
        let padding = String(repeating: " ", count: missing)
        return alignRight ? padding + text : text + padding
    }

    /// `text` cut to at most `width` columns, ending in `…` when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let columns = character.unicodeScalars.reduce(0) { $0 + DisplayWidth.columns(of: $1) }
            if used + columns > width - 1 { break }
            result.append(character)
            used += columns
        }
        return result + "…"
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
