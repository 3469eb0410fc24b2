/// Text clean-up shared by every reader, so that the same words read the same everywhere.
public enum TextFolding {
    /// Tidies a value as a school typed it: non-breaking and odd spaces become spaces, smart
    /// quotes become straight ones, soft hyphens and zero-width characters go, runs of blanks
    /// collapse to one space (line breaks are kept as `\n`), and the ends are trimmed.
    public static func clean(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var pendingNewline = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}":
                pendingNewline = true
            case " ", "\t", "\u{A0}", "\u{2007}", "\u{202F}", "\u{2000}"..."\u{200A}", "\u{3000}":
                pendingSpace = true
            case "\u{AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{2060}":
                continue
            default:
                if scalar.value < 0x20 { continue }  // other control characters
                if !out.isEmpty {
                    if pendingNewline { out.append("\n") } else if pendingSpace { out.append(" ") }
                }
                pendingSpace = false
                pendingNewline = false
                out.unicodeScalars.append(straighten(scalar))
            }
        }
        return out
    }

    /// A key for comparing labels and enum wordings: lower case, letters and digits only,
    /// single spaces between words. `"Child's first name:"` -> `"child s first name"`.
    public static func key(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in clean(text).lowercased().unicodeScalars {
            if isWordScalar(scalar) {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// The words of a text (letters and digits), for word counts and overlap checks.
    public static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { ch in !ch.unicodeScalars.allSatisfy(isWordScalar) })
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || ("0"..."9").contains(s)
    }

    static func straighten(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s {
        case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}": return "'"
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}": return "\""
        case "\u{2010}", "\u{2011}": return "-"
        default: return s
        }
    }
}
