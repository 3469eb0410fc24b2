import struct Foundation.Date

/// The `.reason` file beside a quarantined file: why it was set aside, and when.
///
/// Two lines: the reason (one line), then `when: <ISO 8601 UTC>`.
package struct QuarantineNote: Sendable, Hashable {
    package var reason: String
    package var when: Date?

    package init(reason: String, when: Date?) {
        (self.reason, self.when) = (reason, when)
    }

    /// The file's text. Line breaks and control characters in the reason become spaces, so it
    /// stays one line.
    var text: String {
        let line = String(String.UnicodeScalarView(reason.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
        return line.trimmingASCIIWhitespace() + "\n" + "when: " + (when.map { UTCTime($0).iso8601 } ?? "unknown") + "\n"
    }

    /// Reads the text written by `text`; nil when it has no reason line.
    static func parse(_ text: String) -> QuarantineNote? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, !first.isEmpty else { return nil }
        let when = lines.dropFirst().first { $0.hasPrefix("when: ") }.flatMap { UTCTime(iso8601: String($0.dropFirst(6)))?.instant }
        return QuarantineNote(reason: String(first), when: when)
    }
}
