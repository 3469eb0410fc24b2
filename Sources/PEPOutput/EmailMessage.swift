import Foundation
import PEPModel

/// An e-mail address with an optional display name.
package struct EmailAddress: Sendable, Hashable {
    package var name: String
    package var address: String

    package init(name: String = "", address: String) {
        (self.name, self.address) = (name, address)
    }

    /// Reads `Name <addr@example.org>` or a bare `addr@example.org`; nil when it is not one address.
    package init?(parsing text: String) {
        let t = text.trimmed
        if let open = t.lastIndex(of: "<"), t.hasSuffix(">") {
            var name = t[..<open].trimmed
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            self.init(name: name, address: String(t[t.index(after: open)..<t.index(before: t.endIndex)]))
        } else {
            self.init(address: t)
        }
        guard Self.isPlausible(address) else { return nil }
    }

    /// One `@`, no spaces, no angle brackets or line breaks: enough to refuse header injection.
    package static func isPlausible(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains(".") else { return false }
        return !address.contains { $0.isWhitespace || "<>()[],;:\"\\".contains($0) || $0.asciiValue == nil }
    }
}

/// An RFC 5322 message with one `text/plain; charset=utf-8` part, quoted-printable: what the
/// `outbox/` folder holds for the mail relay to send.
///
/// The date is an input (no clock is read here), and the Message-ID is derived from the content,
/// so the same inputs give byte-identical files. Lines end in CRLF. Header fields that are not
/// ASCII are encoded as RFC 2047 encoded-words.
package struct EmailMessage: Sendable, Hashable {
    package var date: Date
    package var from: EmailAddress
    package var to: [EmailAddress]
    package var replyTo: EmailAddress?
    package var subject: String
    package var body: String
    /// Mixed into the Message-ID so that two messages with the same body differ (e.g. `dt`, `sw`).
    package var idSeed: String
    package var messageIDDomain: String

    /// `<24 hex digits@domain>`, from the seed, the recipients, the subject and the body.
    package var messageID: String {
        let seed = [idSeed, to.map(\.address).joined(separator: ","), subject, body, String(date.timeIntervalSince1970)]
        return "<\(SHA256.hex(Array(seed.joined(separator: "\u{1F}").utf8)).prefix(24))@\(messageIDDomain)>"
    }

    /// The whole message, ready to write as a `.eml` file.
    package func rendered() -> String {
        var headers = [
            "Date: \(Self.rfc5322Date(date))",
            "From: \(Self.header(from))",
            "To: \(to.map(Self.header).joined(separator: ", "))",
        ]
        if let replyTo { headers.append("Reply-To: \(Self.header(replyTo))") }
        headers += [
            "Subject: \(Self.encodeHeaderText(subject.replacing("\r", with: " ").replacing("\n", with: " ")))",
            "Message-ID: \(messageID)",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + QuotedPrintable.encode(body)
    }

    /// `Name <address>`, the name quoted or encoded as needed.
    static func header(_ a: EmailAddress) -> String {
        guard !a.name.isEmpty else { return a.address }
        let clean = a.name.replacing("\r", with: " ").replacing("\n", with: " ")
        let phrase: String
        if !clean.allSatisfy(\.isASCII) {
            phrase = encodeHeaderText(clean)
        } else if clean.allSatisfy({ $0.isLetter || $0.isNumber || " !#$%&'*+-/=?^_`{|}~".contains($0) }) {
            phrase = clean
        } else {
            phrase = "\"" + clean.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        }
        return "\(phrase) <\(a.address)>"
    }

    /// ASCII text as is; anything else as RFC 2047 `=?UTF-8?B?...?=` words of at most 75
    /// characters, folded onto continuation lines.
    package static func encodeHeaderText(_ text: String) -> String {
        guard !text.allSatisfy(\.isASCII) else { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        for ch in text {
            let bytes = Array(String(ch).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    /// `Mon, 03 Nov 2025 09:00:00 +0000` (always UTC, so the result does not depend on the machine).
    package static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        let weekday = days[((c.weekday ?? 1) - 1) % 7]
        let month = months[((c.month ?? 1) - 1) % 12]
        return "\(weekday), \(two(c.day)) \(month) \(c.year ?? 1970) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }
}

/// Quoted-printable (RFC 2045 §6.7) for UTF-8 text: hard line breaks become CRLF, lines are
/// soft-wrapped at 76 characters, and a space or tab at the end of a line is encoded.
package enum QuotedPrintable {
    package static func encode(_ text: String) -> String {
        let normalised = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        var lines = normalised.split(separator: "\n", omittingEmptySubsequences: false).map(encodeLine)
        if lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func encodeLine(_ line: Substring) -> String {
        let bytes = Array(line.utf8)
        var out = ""
        var width = 0
        for (i, byte) in bytes.enumerated() {
            let isLast = i == bytes.count - 1
            let literal = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !isLast)
            let piece = literal ? String(UnicodeScalar(byte)) : "=" + hex(byte)
            // Keep room for the soft break's "=" (76 characters in all).
            if width + piece.count > (isLast ? 76 : 75) {
                out += "=\r\n"
                width = 0
            }
            out += piece
            width += piece.count
        }
        return out
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmed: String {
        String(self.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
