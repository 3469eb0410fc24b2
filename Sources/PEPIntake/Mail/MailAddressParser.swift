/// Extracts addresses and message IDs from RFC 5322 header values.
enum MailAddressParser {
    /// The first mailbox's address (`local@domain`) in a `From:` value, or nil when there is none.
    ///
    /// Handles `"Name" <addr>`, `Name <addr>`, `addr (Name)`, bare `addr`, and group syntax.
    /// The display name is not kept: only the address belongs to the record.
    static func firstAddress(in raw: String) -> String? {
        let cleaned = stripCommentsAndQuotes(raw)
        if let open = cleaned.firstIndex(of: "<"), let close = cleaned[open...].firstIndex(of: ">") {
            return validated(String(cleaned[cleaned.index(after: open)..<close]))
        }
        var candidate = cleaned
        if let colon = candidate.firstIndex(of: ":") { candidate = String(candidate[candidate.index(after: colon)...]) }  // group
        let first = candidate.split(whereSeparator: { $0 == "," || $0 == ";" }).first.map(String.init) ?? ""
        return validated(first)
    }

    /// The first `<id>` of a `Message-ID:` value, with its angle brackets; a bare id is wrapped.
    static func messageID(in raw: String) -> String? {
        let text = raw.trimmingASCIIWhitespace()
        if let open = text.firstIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            let inner = text[text.index(after: open)..<close].trimmingASCIIWhitespace()
            return inner.isEmpty || inner.contains(" ") ? nil : "<\(inner)>"
        }
        return text.isEmpty || text.contains(" ") ? nil : "<\(text)>"
    }

    private static func validated(_ text: String) -> String? {
        var address = text.trimmingASCIIWhitespace()
        if address.hasPrefix("mailto:") { address.removeFirst(7) }
        if let colon = address.lastIndex(of: ":"), address.hasPrefix("@") {  // obsolete source route
            address = String(address[address.index(after: colon)...])
        }
        guard let at = address.lastIndex(of: "@"), at != address.startIndex, address.index(after: at) != address.endIndex,
            !address.contains(where: { $0 == " " || $0 == "\t" || $0 == "<" || $0 == ">" })
        else { return nil }
        return address
    }

    /// Removes `(comments)` and the contents of quoted display names, so that `<`, `@` or `,`
    /// inside them cannot be mistaken for syntax.
    private static func stripCommentsAndQuotes(_ raw: String) -> String {
        var out = ""
        var depth = 0
        var inQuotes = false
        var escaped = false
        for c in raw {
            if escaped {
                escaped = false
                continue
            }
            if c == "\\" && (inQuotes || depth > 0) {
                escaped = true
            } else if inQuotes {
                if c == "\"" { inQuotes = false }
            } else if c == "(" {
                depth += 1
            } else if c == ")" && depth > 0 {
                depth -= 1
            } else if depth == 0 {
                if c == "\"" { inQuotes = true } else { out.append(c) }
            }
        }
        return out
    }
}
