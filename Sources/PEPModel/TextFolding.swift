/// Text clean-up shared by every reader, so that the same words read the same everywhere.
public enum TextFolding {
    /// Tidies a value as a school typed it: non-breaking and odd spaces become spaces, smart
    /// quotes become straight ones, soft hyphens and zero-width characters go, runs of blanks
    /// collapse to one space (line breaks are kept as `\n`), and the ends are trimmed.
    public static func clean(_ text: String) -> String {
        asciiClean(text) ?? unicodeClean(text)
    }

    /// `clean` of an ASCII text, a byte at a time (nil when it is not all ASCII): the same
    /// rules as `unicodeClean` for the blanks and control characters ASCII has
    /// (`theASCIICleanIsTheSameAsTheGeneralClean`).
    static func asciiClean(_ text: String) -> String? {
        let result: String?? = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var pendingNewline = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                switch byte {
                case 0x0A, 0x0D, 0x0B, 0x0C: pendingNewline = true
                case 0x20, 0x09: pendingSpace = true
                case 0..<0x20: continue
                default:
                    if !out.isEmpty {
                        if pendingNewline { out.append(0x0A) } else if pendingSpace { out.append(0x20) }
                    }
                    pendingSpace = false
                    pendingNewline = false
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return result ?? nil
    }

    /// `clean` for any text.
    static func unicodeClean(_ text: String) -> String {
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
        asciiKey(text) ?? unicodeKey(text)
    }

    /// `key` for any text.
    static func unicodeKey(_ text: String) -> String {
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

    /// `key` of an ASCII text, a byte at a time (nil when the text is not all ASCII). Labels,
    /// headings and enum wordings are nearly always ASCII, and `key` runs on every paragraph and
    /// cell of a Word form: the general path's Unicode property look-ups per character were a
    /// large share of reading one. For ASCII, `clean` changes only blanks and control
    /// characters (blanks separate words, other controls vanish), so both paths give the same key
    /// (`theASCIIKeyIsTheSameAsTheGeneralKey`).
    static func asciiKey(_ text: String) -> String? {
        let result: String?? = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                // `clean` drops control characters other than blanks without a trace.
                if byte < 0x20, !(0x09...0x0D).contains(byte) { continue }
                let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    if pendingSpace && !out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    out.append(lower)
                } else {
                    pendingSpace = true
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return result ?? nil
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
