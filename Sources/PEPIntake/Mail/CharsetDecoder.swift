/// Turns bytes in a declared character set into text, for the sets that school mail really uses.
///
/// Labels follow the WHATWG Encoding Standard: `iso-8859-1` and `us-ascii` are read as
/// Windows-1252, because mail clients that declare them routinely send 1252's curly quotes and
/// euro sign in 0x80–0x9F. The first 256 code points are the same either way.
enum CharsetDecoder {
    /// Decodes `bytes` as `charset`, or returns nil when the charset is one we do not know.
    static func decode(_ bytes: some Collection<UInt8>, charset: String) -> String? {
        switch canonicalName(charset) {
        case "utf-8": return String(decoding: bytes, as: UTF8.self)
        case "windows-1252": return windows1252(bytes)
        case "iso-8859-15": return latin9(bytes)
        default: return nil
        }
    }

    /// Decodes bytes whose charset is unknown or undeclared: UTF-8 when they are valid UTF-8,
    /// else Windows-1252 (which never fails).
    static func decodeLenient(_ bytes: some Collection<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return windows1252(bytes)
    }

    /// Decodes with `charset` when known, else leniently.
    static func decode(_ bytes: some Collection<UInt8>, charsetOrLenient charset: String?) -> String {
        if let charset, let text = decode(bytes, charset: charset) { return text }
        return decodeLenient(bytes)
    }

    static func canonicalName(_ label: String) -> String? {
        let key = label.trimmingASCIIWhitespace().lowercased().replacingOccurrences(of: "_", with: "-")
        switch key {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "utf-8"
        case "us-ascii", "ascii", "ansi-x3.4-1968", "iso-8859-1", "iso8859-1", "iso-ir-100", "latin1", "l1",
            "cp819", "ibm819", "iso-8859-1:1987", "windows-1252", "cp1252", "x-cp1252":
            return "windows-1252"
        case "iso-8859-15", "iso8859-15", "latin-9", "latin9", "l9": return "iso-8859-15"
        default: return nil
        }
    }

    /// Code points for 0x80–0x9F in Windows-1252; the five undefined bytes map to C1 controls.
    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    private static func windows1252(_ bytes: some Collection<UInt8>) -> String {
        var text = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? cp1252High[Int(byte) - 0x80] : UInt32(byte)
            text.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(text)
    }

    private static let latin9Changes: [UInt8: UInt32] = [
        0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178,
    ]

    private static func latin9(_ bytes: some Collection<UInt8>) -> String {
        var text = String.UnicodeScalarView()
        for byte in bytes {
            text.append(Unicode.Scalar(latin9Changes[byte] ?? UInt32(byte)) ?? "\u{FFFD}")
        }
        return String(text)
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces, tabs, CR and LF (ASCII only, no Foundation).
    func trimmingASCIIWhitespace() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
