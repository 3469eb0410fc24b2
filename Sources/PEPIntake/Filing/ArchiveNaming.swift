import struct Foundation.Date

/// Names for archived and quarantined files: `<yyyyMMdd-HHmmss>-<sha256 first 12>-<sanitised name>`.
///
/// The time (UTC, so names do not repeat when the clocks go back) and the content hash make
/// two different files collide only if they arrived in the same second with the same hash
/// prefix and name; `Filing` adds `-2`, `-3`… if even that happens. The original name is
/// untrusted (it comes from a sender, an e-mail or an archive), so it is sanitised first.
package enum ArchiveNaming {
    /// Longest sanitised name, in UTF-8 bytes (the whole name stays well under the usual 255).
    package static let maxNameBytes = 150

    /// The archived or quarantined name for a file called `original`.
    package static func name(original: String, receivedAt: Date, sha256: String) -> String {
        "\(UTCTime(receivedAt).compact)-\(sha256.prefix(12))-\(sanitise(original))"
    }

    /// `ARCHIVE/YYYY/MM` components for `date` (UTC).
    package static func yearMonth(_ date: Date) -> (year: String, month: String) {
        let time = UTCTime(date)
        return (time.year, time.month)
    }

    /// The original (sanitised) name inside an archived name, for requeueing; the name itself
    /// when it does not carry the prefix.
    package static func originalName(fromArchived name: String) -> String {
        let bytes = Array(name.utf8)
        guard bytes.count > 29, bytes[8] == UInt8(ascii: "-"), bytes[15] == UInt8(ascii: "-"), bytes[28] == UInt8(ascii: "-"),
            bytes[0..<8].allSatisfy(isDigit), bytes[9..<15].allSatisfy(isDigit),
            bytes[16..<28].allSatisfy({ TransferDecoding.hexValue($0) != nil })
        else { return name }
        return String(decoding: bytes[29...], as: UTF8.self)
    }

    /// A file name that is safe to put in a path: no separators (`/`, `\`), no control or
    /// invisible formatting characters (NUL, newlines, bidi overrides), none of `:*?"<>|`, no
    /// leading dots, dashes or blanks, no trailing dots or blanks, at most `maxNameBytes` bytes
    /// (the extension kept), and never empty.
    package static func sanitise(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in name.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
                continue
            default: break
            }
            if "/\\:*?\"<>|".unicodeScalars.contains(scalar) {
                out.append("_")
                lastWasSpace = false
            } else if scalar.properties.isWhitespace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(scalar)
                lastWasSpace = false
            }
        }
        var text = String(out)
        while let first = text.first, first == "." || first == " " || first == "_" || first == "-" { text.removeFirst() }
        while let last = text.last, last == "." || last == " " { text.removeLast() }
        text = truncate(text)
        return text.isEmpty ? "unnamed" : text
    }

    /// Cuts the stem (never the extension, if it is short) to fit `maxNameBytes`.
    private static func truncate(_ text: String) -> String {
        guard text.utf8.count > maxNameBytes else { return text }
        var stem = text
        var ext = ""
        if let dot = text.lastIndex(of: "."), text.distance(from: dot, to: text.endIndex) <= 10 {
            stem = String(text[..<dot])
            ext = String(text[dot...])
        }
        while stem.utf8.count + ext.utf8.count > maxNameBytes, !stem.isEmpty { stem.removeLast() }
        return stem + ext
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}
