/// A header value with `; name=value` parameters: `Content-Type` and `Content-Disposition`.
///
/// Parameters follow RFC 2045 (token or quoted string) and RFC 2231: `name*=charset'lang'%XX`
/// extended values and `name*0=`, `name*1*=` continuations, which are joined in section order
/// and decoded once, so a multi-byte character split across sections survives.
package struct ParameterisedHeader: Sendable, Hashable {
    /// The main value, lower case: `multipart/mixed`, `attachment`.
    package var value: String
    /// Parameters by lower-case name, continuations joined and RFC 2231 decoded.
    package var parameters: [String: String]

    package init(value: String, parameters: [String: String] = [:]) {
        (self.value, self.parameters) = (value, parameters)
    }

    package subscript(_ name: String) -> String? { parameters[name.lowercased()] }

    package static func parse(_ raw: String) -> ParameterisedHeader {
        let segments = splitOutsideQuotes(raw)
        let value = (segments.first ?? "").trimmingASCIIWhitespace().lowercased()
        var plain: [String: String] = [:]
        var sections: [String: [Int: (text: String, extended: Bool)]] = [:]
        for segment in segments.dropFirst() {
            guard let eq = segment.firstIndex(of: "=") else { continue }
            var name = segment[..<eq].trimmingASCIIWhitespace().lowercased()
            let text = unquote(segment[segment.index(after: eq)...].trimmingASCIIWhitespace())
            guard !name.isEmpty else { continue }
            let extended = name.hasSuffix("*")
            if extended { name.removeLast() }
            if let star = name.lastIndex(of: "*"), let number = Int(name[name.index(after: star)...]), number >= 0 {
                sections[String(name[..<star]), default: [:]][number] = (text, extended)
            } else if extended {
                sections[name, default: [:]][-1] = (text, true)
            } else if plain[name] == nil {
                plain[name] = text
            }
        }
        var parameters = plain
        for (name, parts) in sections {
            if let joined = join(parts) { parameters[name] = joined }
        }
        return ParameterisedHeader(value: value, parameters: parameters)
    }

    /// Joins RFC 2231 sections 0, 1, 2… (stopping at a gap) or the single `name*` value, and
    /// decodes them with the charset named in the first extended section.
    private static func join(_ parts: [Int: (text: String, extended: Bool)]) -> String? {
        var ordered: [(text: String, extended: Bool)] = []
        if let single = parts[-1] {
            ordered = [single]
        } else {
            var n = 0
            while let part = parts[n], n < 1000 {
                ordered.append(part)
                n += 1
            }
        }
        guard !ordered.isEmpty else { return nil }
        var charset: String?
        var bytes: [UInt8] = []
        for (index, part) in ordered.enumerated() {
            guard part.extended else {
                bytes.append(contentsOf: part.text.utf8)
                continue
            }
            var text = Substring(part.text)
            if index == 0 {
                let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3 {
                    charset = pieces[0].isEmpty ? nil : String(pieces[0])
                    text = pieces[2]
                }
            }
            bytes.append(contentsOf: percentDecode(text))
        }
        return CharsetDecoder.decode(bytes, charsetOrLenient: charset)
    }

    private static func percentDecode(_ text: Substring) -> [UInt8] {
        let input = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < input.count {
            if input[i] == UInt8(ascii: "%"), i + 2 < input.count,
                let hi = TransferDecoding.hexValue(input[i + 1]), let lo = TransferDecoding.hexValue(input[i + 2])
            {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(input[i])
                i += 1
            }
        }
        return out
    }

    /// Splits on `;` that are not inside a quoted string.
    private static func splitOutsideQuotes(_ raw: String) -> [Substring] {
        var result: [Substring] = []
        var start = raw.startIndex
        var inQuotes = false
        var escaped = false
        var i = raw.startIndex
        while i < raw.endIndex {
            let c = raw[i]
            if escaped {
                escaped = false
            } else if c == "\\" && inQuotes {
                escaped = true
            } else if c == "\"" {
                inQuotes.toggle()
            } else if c == ";" && !inQuotes {
                result.append(raw[start..<i])
                start = raw.index(after: i)
            }
            i = raw.index(after: i)
        }
        result.append(raw[start...])
        return result
    }

    /// Removes the quotes and backslash escapes of a quoted string; a token is returned as is.
    private static func unquote(_ text: String) -> String {
        guard text.first == "\"" else { return text }
        var out = ""
        var escaped = false
        for c in text.dropFirst() {
            if escaped {
                out.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "\"" {
                break
            } else {
                out.append(c)
            }
        }
        return out
    }
}
